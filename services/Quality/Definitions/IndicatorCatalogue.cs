using System.Text.Json;
using System.Text.Json.Serialization;
using Mash.Quality.Assurance;

namespace Mash.Quality.Definitions;

/// <summary>The partnership's indicators and assurance rules, read from its indicator file and checked whole.</summary>
internal sealed record IndicatorCatalogue(
    TimeZoneInfo TimeZone,
    IReadOnlyDictionary<ReportingYear, int> YearStarts,
    IReadOnlyDictionary<Population, long> Populations,
    IReadOnlyList<IndicatorDefinition> Indicators,
    IReadOnlyList<ActionRule> ActionRules)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt field would otherwise be silently ignored and its value lost.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The file at <paramref name="path"/> (relative to the service's folder); throws <see cref="InvalidDataException"/> listing every problem.</summary>
    public static IndicatorCatalogue Load(string path) =>
        Parse(File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path)));

    public static IndicatorCatalogue Parse(string json)
    {
        var file = Deserialize(json);
        var problems = Problems(file);
        return problems.Count == 0 ? From(file) : throw new InvalidDataException(string.Join(Environment.NewLine, problems));
    }

    public static IReadOnlyList<string> Problems(IndicatorFile file) =>
    [
        .. AssuranceSettingsRules.Check(file),
        .. (file.Indicators ?? []).SelectMany(IndicatorRules.Check),
        .. IndicatorRules.ReferencesAreUnique(file.Indicators ?? []),
    ];

    private static IndicatorFile Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<IndicatorFile>(json, Json) ?? throw new InvalidDataException("the file is empty (null)");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"it is not an indicator file: {e.Message}", e);
        }
    }

    // Only after Problems found none: every word is known and every required value present.
    private static IndicatorCatalogue From(IndicatorFile file)
    {
        var trend = TrendOf(file.Assurance!.Trend!, new TrendSettings(2, 0));
        return new(
            TimeZoneInfo.FindSystemTimeZoneById(file.TimeZone!),
            Periods.YearStarts.From(file.YearStarts),
            new[] { (Population.Child, file.Populations?.Child), (Population.Adult, file.Populations?.Adult) }
                .Where(p => p.Item2 is not null).ToDictionary(p => p.Item1, p => p.Item2!.Value),
            [.. file.Indicators!.Select(e => DefinitionOf(e, trend))],
            [.. (file.Assurance.ActionRules ?? []).Select(RuleOf)]);
    }

    private static IndicatorDefinition DefinitionOf(IndicatorEntry e, TrendSettings defaultTrend) => new(
        e.Reference!.Trim(), e.Name!, e.Measure!, e.Agency!, e.LeadOfficer,
        IndicatorWords.Polarities[e.Polarity!], e.Frequency!, IndicatorWords.ReportingYears[e.ReportingPeriod!],
        IndicatorWords.ResultTypes[e.ResultType!], IndicatorWords.Units[e.Unit!],
        e.Population is null ? null : IndicatorWords.Populations[e.Population], e.Precision!.Value,
        [.. (e.Comparators ?? []).Select(c => new Comparator(IndicatorWords.ComparatorKinds[c.Kind!], c.Value!.Value, c.Source!))],
        e.Target is { } t ? new IndicatorTarget(t.Value!.Value, IndicatorWords.TargetTypes[t.Type!], t.Source!) : null,
        e.Thresholds is { } r ? new RagThresholds(r.Green!.Value, r.Red!.Value) : null,
        e.Trend is null ? defaultTrend : TrendOf(e.Trend, defaultTrend),
        e.TriggerPoints, e.Narrative!, e.Source!);

    private static TrendSettings TrendOf(TrendEntry entry, TrendSettings fallback) =>
        new(entry.Window ?? fallback.Window, entry.SteadyTolerance ?? fallback.SteadyTolerance);

    private static ActionRule RuleOf(ActionRuleEntry e) => new(
        e.Name!,
        e.When?.Rag is { } rag ? AssuranceWords.Rags[rag] : null,
        e.When?.Target is { } target ? AssuranceWords.TargetResults[target] : null,
        e.When?.Trend is { } trend ? AssuranceWords.Trends[trend] : null,
        e.When?.Assurance is { } assurance ? AssuranceWords.Assurances[assurance] : null,
        e.Action!, e.Description!, e.Source!);
}
