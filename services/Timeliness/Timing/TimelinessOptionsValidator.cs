using Microsoft.Extensions.Options;

namespace Mash.Timeliness.Timing;

/// <summary>Every RAG of every set has a target that reads, the sets' dates differ, the time zone exists, and the calendar file loads: checked at start.</summary>
internal sealed class TimelinessOptionsValidator : IValidateOptions<TimelinessOptions>
{
    public ValidateOptionsResult Validate(string? name, TimelinessOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IReadOnlyList<string> Problems(TimelinessOptions options) =>
    [
        .. LabelProblems(options.Labels),
        .. TargetProblems("Timeliness:Targets", options.Targets),
        .. options.TargetChanges.SelectMany((change, i) => TargetChangeProblems($"Timeliness:TargetChanges:{i}", change)),
        .. RepeatedChangeDates(options.TargetChanges),
        .. WorkingDaysDueProblems(options.WorkingDaysDue),
        .. TimeZoneProblems(options.TimeZone),
        .. CalendarProblems(options.Calendar),
    ];

    public static IEnumerable<string> TargetProblems(string section, RagTargetOptions targets) =>
        new[] { ("Red", targets.Red), ("Amber", targets.Amber), ("Green", targets.Green) }
            .Where(target => TargetText.Parse(target.Item2) is null)
            .Select(target => $"{section}:{target.Item1} is '{target.Item2}'; write a positive \"<n> hours\" or \"<n> working days\", or \"{TargetText.NoTarget}\".");

    public static IEnumerable<string> LabelProblems(RagLabelOptions labels) =>
    [
        .. labels.ByRag.Where(label => string.IsNullOrWhiteSpace(label.Value)).Select(label => $"Timeliness:Labels:{label.Key} is empty; write the partnership's name for that RAG."),
        .. labels.ByRag.Values.Where(label => !string.IsNullOrWhiteSpace(label)).GroupBy(label => label.Trim(), StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1)
            .Select(group => $"Timeliness:Labels names two RAGs '{group.Key}'; each RAG needs its own label."),
    ];

    public static IEnumerable<string> TargetChangeProblems(string section, TargetChangeOptions change) =>
        change.From is null
            ? [$"{section}:From is missing; write the date (yyyy-MM-dd) from which contacts received are judged by these targets.", .. TargetProblems(section, change)]
            : TargetProblems(section, change);

    public static IEnumerable<string> RepeatedChangeDates(IEnumerable<TargetChangeOptions> changes) =>
        changes.Where(change => change.From is not null).GroupBy(change => change.From).Where(group => group.Count() > 1)
            .Select(group => $"Timeliness:TargetChanges has {group.Count()} sets from {group.Key:yyyy-MM-dd}; one set per date.");

    public static IEnumerable<string> WorkingDaysDueProblems(string? text) =>
        WorkingDayEnd.Parse(text) is null
            ? [$"Timeliness:WorkingDaysDue is '{text}'; write \"{WorkingDayEnd.AtTimeReceivedText}\" or the time the working day ends, \"HH:mm\" (e.g. \"17:00\")."]
            : [];

    public static IEnumerable<string> TimeZoneProblems(string? zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zone ?? "", out _) ? [] : [$"Timeliness:TimeZone '{zone}' is not a time zone this machine knows."];

    public static IEnumerable<string> CalendarProblems(CalendarOptions calendar)
    {
        if (calendar.WarnDaysBeforeEnd < 0)
        {
            return [$"Timeliness:Calendar:WarnDaysBeforeEnd is {calendar.WarnDaysBeforeEnd}; write the days (0 or more) before the calendar ends that the health check warns."];
        }
        try
        {
            BankHolidayFile.Load(calendar.BankHolidaysFile, calendar.Division);
            return [];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return [$"Timeliness:Calendar:BankHolidaysFile '{calendar.BankHolidaysFile}' with Timeliness:Calendar:Division '{calendar.Division}' cannot be used: {e.Message}."];
        }
    }
}
