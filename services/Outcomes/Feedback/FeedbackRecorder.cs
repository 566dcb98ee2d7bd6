using Mash.Outcomes.Steps;

namespace Mash.Outcomes.Feedback;

/// <summary>
/// Records that an agency owed a contact's outcome was told it (O4) and, in the same transaction,
/// FeedbackGiven for the measures. Telling the same agency again is a retry: the first telling stands.
/// A round of one step (<see cref="StepRound"/>), so a lone call and an import's step are taken by the same code.
/// </summary>
internal sealed class FeedbackRecorder(StepRound round)
{
    /// <param name="toldAt">When it was told: now for a live call, an importer's time otherwise.</param>
    public async Task<RecordFeedbackResult> RecordAsync(string contactId, string agencyId, string givenBy, DateTimeOffset toldAt, CancellationToken cancellationToken) =>
        ((StepTaken.Telling)(await round.TakeAsync([new ContactStep.Telling(contactId, agencyId, givenBy, toldAt)], cancellationToken))[0]).Result;
}
