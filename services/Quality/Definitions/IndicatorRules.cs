namespace Mash.Quality.Definitions;

/// <summary>
/// What each indicator in the file must say, one rule a function; each problem names the indicator
/// (by reference) and the field, so the service's refusal to start says where to look.
/// </summary>
internal static class IndicatorRules
{
    public static IEnumerable<string> Check(IndicatorEntry entry, int index)
    {
        var at = At(entry, index);
        return
        [
            .. Required(at, "reference", entry.Reference),
            .. Required(at, "name", entry.Name),
            .. Required(at, "measure", entry.Measure),
            .. Required(at, "agency", entry.Agency),
            .. Required(at, "narrative", entry.Narrative),
            .. Required(at, "source", entry.Source),
            .. IsAWord(at, "polarity", entry.Polarity, IndicatorWords.Polarities),
            .. IsAWord(at, "reportingPeriod", entry.ReportingPeriod, IndicatorWords.ReportingYears),
            .. IsAWord(at, "resultType", entry.ResultType, IndicatorWords.ResultTypes),
            .. IsAWord(at, "unit", entry.Unit, IndicatorWords.Units),
            .. FrequencyIsKnown(at, entry.Frequency),
            .. PrecisionIsInRange(at, entry.Precision),
            .. RateNamesItsPopulation(at, entry),
            .. ComparatorsAreComplete(at, entry.Comparators),
            .. TargetIsComplete(at, entry),
            .. ThresholdsFollowPolarity(at, entry),
            .. TrendIsValid($"{at}.trend", entry.Trend),
        ];
    }

    /// <summary>Each reference once: the board, the rules and the exception report all find an indicator by it.</summary>
    public static IEnumerable<string> ReferencesAreUnique(IEnumerable<IndicatorEntry> entries) =>
        entries.Where(e => !string.IsNullOrWhiteSpace(e.Reference)).GroupBy(e => e.Reference!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => $"indicators['{group.Key}'].reference: {group.Count()} indicators have the reference '{group.Key}'; each needs its own.");

    public static IEnumerable<string> Required(string at, string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? [$"{at}.{field} is missing."] : [];

    public static IEnumerable<string> IsAWord<T>(string at, string field, string? value, IReadOnlyDictionary<string, T> words) =>
        value is not null && words.ContainsKey(value) ? [] : [$"{at}.{field} is '{value}'; write one of {IndicatorWords.Choices(words)}."];

    public static IEnumerable<string> FrequencyIsKnown(string at, string? frequency) =>
        frequency is not null && IndicatorWords.Frequencies.Contains(frequency)
            ? []
            : [$"{at}.frequency is '{frequency}'; write one of {string.Join(", ", IndicatorWords.Frequencies.Select(f => $"\"{f}\""))}."];

    public static IEnumerable<string> PrecisionIsInRange(string at, int? precision) =>
        precision is >= 0 and <= 4 ? [] : [$"{at}.precision is '{precision}'; write the decimal places reported, 0 to 4."];

    /// <summary>A rate per 10,000 is of the child or the adult population; a number or a % is of none.</summary>
    public static IEnumerable<string> RateNamesItsPopulation(string at, IndicatorEntry entry) =>
        (entry.Unit, entry.Population) switch
        {
            ("rate-per-10000", var population) => IsAWord(at, "population", population, IndicatorWords.Populations),
            (_, { } population) => [$"{at}.population is '{population}', but only a rate per 10,000 is of a population; leave it out."],
            _ => [],
        };

    public static IEnumerable<string> ComparatorsAreComplete(string at, IEnumerable<ComparatorEntry>? comparators) =>
        (comparators ?? []).SelectMany((c, i) => (IEnumerable<string>)
        [
            .. IsAWord($"{at}.comparators[{i}]", "kind", c.Kind, IndicatorWords.ComparatorKinds),
            .. c.Value is null ? [$"{at}.comparators[{i}].value is missing."] : Array.Empty<string>(),
            .. Required($"{at}.comparators[{i}]", "source", c.Source),
        ]);

    /// <summary>A target has a value, a type (E, SN, R, L) and a source; a context indicator has none, there being no better.</summary>
    public static IEnumerable<string> TargetIsComplete(string at, IndicatorEntry entry) => entry.Target switch
    {
        null => [],
        _ when entry.Polarity == "context" => [$"{at}.target is set, but a context indicator (polarity \"context\") has no better or worse; give it a polarity or leave the target out."],
        var target =>
        [
            .. target.Value is null ? [$"{at}.target.value is missing."] : Array.Empty<string>(),
            .. IsAWord($"{at}.target", "type", target.Type, IndicatorWords.TargetTypes),
            .. Required($"{at}.target", "source", target.Source),
        ],
    };

    /// <summary>High is good: Green's threshold at or above Red's; low is good: at or below; context: no thresholds.</summary>
    public static IEnumerable<string> ThresholdsFollowPolarity(string at, IndicatorEntry entry) => (entry.Thresholds, entry.Polarity) switch
    {
        (null, _) => [],
        ({ Green: null } or { Red: null }, _) => [$"{at}.thresholds needs both green and red."],
        (_, "context") => [$"{at}.thresholds are set, but a context indicator is never rated; leave them out."],
        ({ } t, "high") when t.Green < t.Red => [$"{at}.thresholds: green ({t.Green}) is below red ({t.Red}), but high is good; green must be at or above red."],
        ({ } t, "low") when t.Green > t.Red => [$"{at}.thresholds: green ({t.Green}) is above red ({t.Red}), but low is good; green must be at or below red."],
        _ => [],
    };

    public static IEnumerable<string> TrendIsValid(string at, TrendEntry? trend) =>
    [
        .. trend?.Window is < 2 ? [$"{at}.window is {trend.Window}; a trend needs 2 periods or more."] : Array.Empty<string>(),
        .. trend?.SteadyTolerance is < 0 ? [$"{at}.steadyTolerance is {trend.SteadyTolerance}; write 0 or more."] : Array.Empty<string>(),
    ];

    private static string At(IndicatorEntry entry, int index) =>
        string.IsNullOrWhiteSpace(entry.Reference) ? $"indicators[{index}]" : $"indicators['{entry.Reference}']";
}
