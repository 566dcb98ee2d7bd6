using Mash.Contracts.Common.V1;

namespace Mash.Quality.Facts;

/// <summary>A contact received (D1), of a contact type (D4, D5) on a pathway (D6).</summary>
internal sealed record ContactFact(string ContactId, string AgencyId, DateTime OccurredAt, string ContactType = "", Pathway Pathway = Pathway.Unspecified)
{
    /// <summary>T5: when the incident happened, as the referrer reported it; null when not given.</summary>
    public DateTime? IncidentAt { get; init; }

    /// <summary>D7: a domestic abuse notification's DASH risk ("DASH_RISK_HIGH"); empty when none.</summary>
    public string DashRisk { get; init; } = "";

    /// <summary>D8: the consent state ("CONSENT_STATE_GIVEN"); empty when not recorded.</summary>
    public string Consent { get; init; } = "";

    /// <summary>How many contacts alike this stands for: one, or a rollup's count of whole days' contacts (no id, no moment).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>A contact's current RAG rating (R1).</summary>
internal sealed record RatingFact(string ContactId, Rag Rag, DateTime OccurredAt)
{
    /// <summary>How many contacts rated alike this stands for: one, or a rollup's count of whole days' contacts (no contact, no moment).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>
/// A case's outcome (O1), by its pseudonymous case_ref; whether the contact met the threshold (a
/// referral), and whether its subject had been referred within the window before it (O3).
/// </summary>
internal sealed record OutcomeFact(string CaseRef, string Outcome, bool ThresholdMet, bool IsRepeatReferral, DateTime OccurredAt)
{
    /// <summary>The referring agency.</summary>
    public string AgencyId { get; init; } = "";

    /// <summary>When the MASH received the contact, whose period the outcome counts in; null when Outcomes did not say.</summary>
    public DateTime? ContactReceivedAt { get; init; }

    /// <summary>R3: the contact's first RAG, and the one in force when its outcome was recorded.</summary>
    public Rag InitialRag { get; init; }

    public Rag FinalRag { get; init; }

    /// <summary>How many outcomes alike this stands for: one, or a rollup's count of whole days' outcomes (no case, no moment).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>A decision timed against its RAG target (T1).</summary>
internal sealed record DecisionTimingFact(string ContactId, Rag Rag, bool WithinTarget, DateTime OccurredAt)
{
    /// <summary>How many timed decisions alike this stands for: one, or a rollup's count of whole days' contacts' (no contact, no moment).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>Every fact the scorecard counts, for one period.</summary>
internal sealed record ScorecardFacts(
    IReadOnlyList<ContactFact> Contacts,
    IReadOnlyList<RatingFact> Ratings,
    IReadOnlyList<OutcomeFact> Outcomes,
    IReadOnlyList<DecisionTimingFact> DecisionTimings)
{
    /// <summary>The facts of the measures beyond the first five.</summary>
    public ActivityFacts Activity { get; init; } = ActivityFacts.None;

    /// <summary>The facts of the Outcomes events in depth, the backlog and incidents.</summary>
    public DepthFacts Depth { get; init; } = DepthFacts.None;

    /// <summary>The period's end (exclusive); null when unbounded. T5 judges an open incident against it.</summary>
    public DateTime? End { get; init; }
}
