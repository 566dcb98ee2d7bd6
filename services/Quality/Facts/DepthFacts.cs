using Mash.Contracts.Common.V1;

namespace Mash.Quality.Facts;

/// <summary>O2: an agency that contributed information to a case (<c>contributed</c>) or that its outcome went on to (<c>onward</c>).</summary>
internal sealed record OutcomeAgencyFact(string CaseRef, string Role, string AgencyId)
{
    public const string Contributed = "contributed";
    public const string Onward = "onward";

    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' outcomes' agencies (no case).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>O6: a gap found with a case's outcome (a configured gap code).</summary>
internal sealed record GapFact(string CaseRef, string Gap)
{
    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' outcomes' gaps (no case).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>O4: an agency told a case's outcome, the referrer or one that contributed; the first telling (FeedbackGiven).</summary>
internal sealed record AgencyFeedbackFact(string CaseRef, string AgencyId, bool ToReferrer, DateTime OutcomeAt, DateTime OccurredAt);

/// <summary>
/// O4: an agency owed the outcome of one of the period's referrals (its referrer, or an agency that
/// contributed information), whether it was told by the period's end, and the microseconds from the
/// outcome's first recording to the telling (0 when not told).
/// </summary>
internal sealed record FeedbackOwedFact(bool ToReferrer, bool Told, decimal MicrosToTell)
{
    /// <summary>How many alike this stands for: one, or a rollup's count (then <see cref="MicrosToTell"/> is theirs in all).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>O7: a professional consultation given to an agency.</summary>
internal sealed record ConsultationFact(string ConsultationId, string AgencyId, string Kind, DateTime OccurredAt)
{
    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' consultations (no id, no moment).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>
/// O1, O3: a case's outcome corrected to the next revision: its outcome, and the threshold and
/// agency as they stood when corrected.
/// </summary>
internal sealed record OutcomeCorrectionFact(
    string CaseRef, string Outcome, bool ThresholdMet, string AgencyId, int Revision, DateTime? ContactReceivedAt, DateTime OccurredAt);

/// <summary>T5: a contact's reported incident and when the multi-agency process completed (first decided), if it had by the period's end.</summary>
internal sealed record IncidentFact(string ContactId, DateTime IncidentAt, DateTime? CompletedAt)
{
    /// <summary>How many alike this stands for: one, or a rollup's count of whole days' contacts' incidents (no contact; its moments stand only for how it judges at the period's end).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>T3: a contact open (undecided) at the period's end, with the RAG it had then and when it was received.</summary>
internal sealed record OpenContactFact(string ContactId, Rag Rag, DateTime ReceivedAt)
{
    /// <summary>D7: the DASH risk of a domestic abuse notification; empty when none.</summary>
    public string DashRisk { get; init; } = "";

    /// <summary>How many alike this stands for: one, or a rollup's count of a day's open contacts (no contact; received at the day's midnight).</summary>
    public long Count { get; init; } = 1;
}

/// <summary>The period's facts of the measures added with the Outcomes events in depth.</summary>
internal sealed record DepthFacts(
    IReadOnlyList<OutcomeAgencyFact> OutcomeAgencies,
    IReadOnlyList<GapFact> Gaps,
    IReadOnlyList<FeedbackOwedFact> FeedbackOwed,
    IReadOnlyList<ConsultationFact> Consultations,
    IReadOnlyList<IncidentFact> Incidents,
    IReadOnlyList<OpenContactFact> Backlog)
{
    public static readonly DepthFacts None = new([], [], [], [], [], []);
}

