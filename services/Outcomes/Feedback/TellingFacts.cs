using Mash.Outcomes.Journeys;
using Mash.Outcomes.Recording;

namespace Mash.Outcomes.Feedback;

/// <summary>What is stored of a contact with an outcome that a telling (O4) is judged by, alike for a lone call and an import's step.</summary>
/// <param name="OutcomeAt">When the outcome was first recorded.</param>
internal sealed record TellingFacts(
    Journey Journey, RecordedOutcome Outcome, IReadOnlyList<string> Contributors, IReadOnlyDictionary<string, DateTimeOffset> Told, DateTimeOffset OutcomeAt)
{
    /// <summary>The referrer and every contributor.</summary>
    public IReadOnlyList<string> Owed => FeedbackRules.Owed(Journey.AgencyId, Contributors);

    /// <summary>The answer when telling <paramref name="agencyId"/> records nothing (a retry: the first telling stands; or refused), or null: record it.</summary>
    public RecordFeedbackResult? Answer(string agencyId, DateTimeOffset toldAt) =>
        Told.TryGetValue(agencyId, out var earlier) ? new RecordFeedbackResult.Told(Outcome.CaseRef, earlier, NotYetTold(Told.Keys))
        : FeedbackRules.MustBeOwed(Owed, agencyId) is { } notOwed ? new RecordFeedbackResult.NotOwed(notOwed)
        : FeedbackRules.NotBeforeTheOutcome(toldAt, OutcomeAt) is { } tooEarly ? new RecordFeedbackResult.BadTime(tooEarly)
        : null;

    /// <summary>The answer once <paramref name="agencyId"/>'s telling is recorded.</summary>
    public RecordFeedbackResult.Told Recorded(string agencyId, DateTimeOffset toldAt) =>
        new(Outcome.CaseRef, toldAt, NotYetTold(Told.Keys.Append(agencyId)));

    private IReadOnlyList<string> NotYetTold(IEnumerable<string> told) =>
        [.. Owed.Except(told, StringComparer.Ordinal)];
}
