using Mash.Contracts.Common.V1;

namespace Mash.Quality.Facts;

/// <summary>A contact received (D1), of a contact type (D4, D5) on a pathway (D6).</summary>
internal sealed record ContactFact(string ContactId, string AgencyId, DateTime OccurredAt, string ContactType = "", Pathway Pathway = Pathway.Unspecified);

/// <summary>A contact's current RAG rating (R1).</summary>
internal sealed record RatingFact(string ContactId, Rag Rag, DateTime OccurredAt);

/// <summary>
/// A case's outcome (O1), by its pseudonymous case_ref; whether the contact met the threshold (a
/// referral), and whether its subject had been referred within the window before it (O3).
/// </summary>
internal sealed record OutcomeFact(string CaseRef, string Outcome, bool ThresholdMet, bool IsRepeatReferral, DateTime OccurredAt);

/// <summary>A decision timed against its RAG target (T1).</summary>
internal sealed record DecisionTimingFact(string ContactId, Rag Rag, bool WithinTarget, DateTime OccurredAt);

/// <summary>Every fact the scorecard counts, for one period.</summary>
internal sealed record ScorecardFacts(
    IReadOnlyList<ContactFact> Contacts,
    IReadOnlyList<RatingFact> Ratings,
    IReadOnlyList<OutcomeFact> Outcomes,
    IReadOnlyList<DecisionTimingFact> DecisionTimings)
{
    /// <summary>The facts of the measures beyond the first five.</summary>
    public ActivityFacts Activity { get; init; } = ActivityFacts.None;
}
