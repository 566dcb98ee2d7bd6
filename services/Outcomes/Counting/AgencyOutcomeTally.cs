namespace Mash.Outcomes.Counting;

/// <summary>One agency's O1, O2, O5, O6 and O7 for a period (see <see cref="OutcomeCounter"/>).</summary>
internal sealed record AgencyOutcomeTally(
    string AgencyId,
    IReadOnlyDictionary<string, long> Outcomes,
    long Inappropriate,
    IReadOnlyDictionary<string, long> Gaps,
    long Contributed,
    long Received,
    IReadOnlyDictionary<string, long> Consultations);
