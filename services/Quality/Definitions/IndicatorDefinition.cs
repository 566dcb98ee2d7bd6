namespace Mash.Quality.Definitions;

/// <summary>
/// One indicator in Calderdale's record (seed 004 §4.1.3): what it is, who leads it, what good looks
/// like, how it is reported, what it is compared with and the target, the RAG thresholds, and the
/// narrative. <see cref="Measure"/> is the MEASURES.md id it reports (D1, T1, …).
/// </summary>
internal sealed record IndicatorDefinition(
    string Reference,
    string Name,
    string Measure,
    string Agency,
    string? LeadOfficer,
    Polarity Polarity,
    string Frequency,
    ReportingYear ReportingYear,
    ResultType ResultType,
    Unit Unit,
    Population? Population,
    int Precision,
    IReadOnlyList<Comparator> Comparators,
    IndicatorTarget? Target,
    RagThresholds? Thresholds,
    TrendSettings Trend,
    string? TriggerPoints,
    string Narrative,
    string Source);

/// <summary>A benchmark value and where it comes from (a seed, DfE LAIT, local data).</summary>
internal sealed record Comparator(ComparatorKind Kind, double Value, string Source);

/// <summary>The target and its type (E, SN, R or L: the comparator it is set against), with its source.</summary>
internal sealed record IndicatorTarget(double Value, ComparatorKind Type, string Source);

/// <summary>
/// Where Green ends and Red begins, in the indicator's unit. High is good: Green at or above
/// <see cref="Green"/>, Red below <see cref="Red"/>; low is good: Green at or below, Red above.
/// Amber in between (Calderdale: "60+ = Green; 45-60 = Amber; &lt;45 = Red").
/// </summary>
internal sealed record RagThresholds(double Green, double Red);

/// <summary>
/// How the trend is read: over the last <see cref="Window"/> periods (this one included), a change
/// no larger than <see cref="SteadyTolerance"/> (in the indicator's unit) is steady.
/// </summary>
internal sealed record TrendSettings(int Window, double SteadyTolerance);
