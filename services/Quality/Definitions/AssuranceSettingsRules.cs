using Mash.Quality.Assurance;

namespace Mash.Quality.Definitions;

/// <summary>What the file's partnership-wide settings must say: a time zone this machine knows, populations above 0, trend defaults, action rules in the continuum's words.</summary>
internal static class AssuranceSettingsRules
{
    public static IEnumerable<string> Check(IndicatorFile file) =>
    [
        .. TimeZoneIsKnown(file.TimeZone),
        .. IsAMonth("yearStarts.financial", file.YearStarts?.Financial),
        .. IsAMonth("yearStarts.school", file.YearStarts?.School),
        .. IsAMonth("yearStarts.calendar", file.YearStarts?.Calendar),
        .. PopulationIsPositive("populations.child", file.Populations?.Child),
        .. PopulationIsPositive("populations.adult", file.Populations?.Adult),
        .. file.Assurance?.Trend is null ? ["assurance.trend is missing; give the window (periods) and steadyTolerance every indicator uses unless it says otherwise."] : Array.Empty<string>(),
        .. IndicatorRules.TrendIsValid("assurance.trend", file.Assurance?.Trend),
        .. (file.Assurance?.ActionRules ?? []).SelectMany(ActionRuleIsValid),
        .. file.Indicators is { Count: > 0 } ? Array.Empty<string>() : ["indicators is empty; the file defines no indicator."],
    ];

    public static IEnumerable<string> TimeZoneIsKnown(string? zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zone ?? "", out _) ? [] : [$"timeZone '{zone}' is not a time zone this machine knows."];

    public static IEnumerable<string> IsAMonth(string field, int? month) =>
        month is null or (>= 1 and <= 12) ? [] : [$"{field} is {month}; write the month the year starts, 1 (January) to 12."];

    public static IEnumerable<string> PopulationIsPositive(string field, long? population) =>
        population is null or > 0 ? [] : [$"{field} is {population}; a population is above 0 (or left out until known)."];

    public static IEnumerable<string> ActionRuleIsValid(ActionRuleEntry rule, int index)
    {
        var at = string.IsNullOrWhiteSpace(rule.Name) ? $"assurance.actionRules[{index}]" : $"assurance.actionRules['{rule.Name}']";
        return
        [
            .. IndicatorRules.Required(at, "name", rule.Name),
            .. IndicatorRules.Required(at, "action", rule.Action),
            .. IndicatorRules.Required(at, "description", rule.Description),
            .. IndicatorRules.Required(at, "source", rule.Source),
            .. OptionalWord($"{at}.when", "rag", rule.When?.Rag, AssuranceWords.Rags),
            .. OptionalWord($"{at}.when", "target", rule.When?.Target, AssuranceWords.TargetResults),
            .. OptionalWord($"{at}.when", "trend", rule.When?.Trend, AssuranceWords.Trends),
            .. OptionalWord($"{at}.when", "assurance", rule.When?.Assurance, AssuranceWords.Assurances),
        ];
    }

    private static IEnumerable<string> OptionalWord<T>(string at, string field, string? value, IReadOnlyDictionary<string, T> words) =>
        value is null ? [] : IndicatorRules.IsAWord(at, field, value, words);
}
