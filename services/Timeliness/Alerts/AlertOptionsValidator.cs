using Microsoft.Extensions.Options;

namespace Mash.Timeliness.Alerts;

/// <summary>The approaching share, cadences, batch size and team names make sense: checked at start, each problem naming its setting.</summary>
internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IReadOnlyList<string> Problems(AlertOptions options) =>
    [
        .. options.ApproachingAt is > 0 and < 1 ? [] : new[] { $"Timeliness:Alerts:ApproachingAt is {options.ApproachingAt}; write the share of the target used (above 0, below 1, e.g. 0.75) at which a deadline is approaching." },
        .. Positive("CheckEvery", options.CheckEvery),
        .. Positive("WatchPollInterval", options.WatchPollInterval),
        .. options.BatchSize > 0 ? [] : new[] { $"Timeliness:Alerts:BatchSize is {options.BatchSize}; write how many alerts (1 or more) one transaction raises." },
        .. string.IsNullOrWhiteSpace(options.DefaultTeam) ? new[] { "Timeliness:Alerts:DefaultTeam is empty; write the team alerts go to when Teams names no team for the agency." } : [],
        .. options.Teams.Where(team => string.IsNullOrWhiteSpace(team.Value)).Select(team => $"Timeliness:Alerts:Teams:{team.Key} is empty; write the MASH team that agency's contacts go to."),
    ];

    private static IEnumerable<string> Positive(string setting, TimeSpan value) =>
        value > TimeSpan.Zero ? [] : [$"Timeliness:Alerts:{setting} is {value}; write a positive time span (e.g. \"00:00:01\")."];
}
