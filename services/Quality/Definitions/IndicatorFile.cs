namespace Mash.Quality.Definitions;

// The indicator file's JSON shape (services/Quality/Indicators/indicators.json). Every word-valued
// field is text here, so the validator can name the indicator and field a wrong word is in, rather
// than the JSON reader stopping at the first with a path.

/// <summary>The whole file: the partnership's calendar and populations, its assurance rules, and its indicators.</summary>
internal sealed record IndicatorFile(
    string? TimeZone,
    YearStartsEntry? YearStarts,
    PopulationsEntry? Populations,
    AssuranceEntry? Assurance,
    List<IndicatorEntry>? Indicators);

/// <summary>The month (1–12) each reporting year starts; each left out is the usual one (April, September, January).</summary>
internal sealed record YearStartsEntry(int? Financial, int? School, int? Calendar);

/// <summary>C of a rate per 10,000: the 0–17 and 18+ populations; absent until the partnership gives them.</summary>
internal sealed record PopulationsEntry(long? Child, long? Adult);

/// <summary>The trend window and tolerance every indicator uses unless it says otherwise, and the action rules.</summary>
internal sealed record AssuranceEntry(TrendEntry? Trend, List<ActionRuleEntry>? ActionRules);

internal sealed record TrendEntry(int? Window, double? SteadyTolerance);

internal sealed record ActionRuleEntry(string? Name, ActionConditionEntry? When, string? Action, string? Description, string? Source);

internal sealed record ActionConditionEntry(string? Rag, string? Target, string? Trend, string? Assurance);

internal sealed record IndicatorEntry(
    string? Reference,
    string? Name,
    string? Measure,
    string? Agency,
    string? LeadOfficer,
    string? Polarity,
    string? Frequency,
    string? ReportingPeriod,
    string? ResultType,
    string? Unit,
    string? Population,
    int? Precision,
    List<ComparatorEntry>? Comparators,
    TargetEntry? Target,
    ThresholdsEntry? Thresholds,
    TrendEntry? Trend,
    string? TriggerPoints,
    string? Narrative,
    string? Source);

internal sealed record ComparatorEntry(string? Kind, double? Value, string? Source);

internal sealed record TargetEntry(double? Value, string? Type, string? Source);

internal sealed record ThresholdsEntry(double? Green, double? Red);
