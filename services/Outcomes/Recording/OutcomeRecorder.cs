using Mash.Outcomes.Steps;

namespace Mash.Outcomes.Recording;

/// <summary>
/// Records a contact's outcome and, in the same transaction, its board feed item (numbered after the
/// commit by <see cref="Feed.FeedNumbering"/>, which then sends OutcomeRecorded) and the ContactOutcomeFedBack
/// event (for Intake, to tell the referrer) in the outbox: the events leave if and only if the outcome
/// is stored. A refusal rolls back, changing nothing. A round of one step (<see cref="StepRound"/>), so a
/// lone call and an import's step are taken by the same code.
/// </summary>
internal sealed class OutcomeRecorder(StepRound round)
{
    public Task<RecordOutcomeResult> RecordAsync(string contactId, string outcome, string practitionerId, CancellationToken cancellationToken) =>
        RecordAsync(contactId, NewOutcome.Only(outcome), practitionerId, cancellationToken);

    /// <summary>The outcome, the agencies it is referred on to (O2) and the gaps found (O6).</summary>
    public async Task<RecordOutcomeResult> RecordAsync(string contactId, NewOutcome outcome, string practitionerId, CancellationToken cancellationToken) =>
        ((StepTaken.Outcome)(await round.TakeAsync([new ContactStep.Outcome(contactId, outcome, practitionerId)], cancellationToken))[0]).Result;
}
