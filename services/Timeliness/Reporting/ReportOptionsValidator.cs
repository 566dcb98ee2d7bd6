using Microsoft.Extensions.Options;

namespace Mash.Timeliness.Reporting;

/// <summary>The backlog's, response times' and incident-to-completion settings read as durations that make sense: checked at start.</summary>
internal sealed class ReportOptionsValidator :
    IValidateOptions<BacklogOptions>, IValidateOptions<ResponseTimeOptions>, IValidateOptions<IncidentToCompletionOptions>
{
    // A slot shorter than this would snapshot faster than anyone reads a backlog.
    public static readonly TimeSpan ShortestSnapshotEvery = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, BacklogOptions options) => Result(
    [
        .. options.SnapshotEvery < ShortestSnapshotEvery
            ? [$"{BacklogOptions.SectionName}:SnapshotEvery is {options.SnapshotEvery}; write a duration of at least {ShortestSnapshotEvery} (e.g. \"01:00:00\")."]
            : Array.Empty<string>(),
        .. AscendingProblems($"{BacklogOptions.SectionName}:AgeBands", options.AgeBands),
    ]);

    public ValidateOptionsResult Validate(string? name, ResponseTimeOptions options) =>
        Result([.. AscendingProblems($"{ResponseTimeOptions.SectionName}:Bands", options.Bands)]);

    public ValidateOptionsResult Validate(string? name, IncidentToCompletionOptions options) => Result(
        options.Target <= TimeSpan.Zero
            ? [$"{IncidentToCompletionOptions.SectionName}:Target is {options.Target}; write a positive duration (e.g. \"1.00:00:00\" for 24 hours)."]
            : []);

    /// <summary>Band bounds: at least one, each positive and longer than the one before.</summary>
    public static IEnumerable<string> AscendingProblems(string setting, IReadOnlyList<TimeSpan> bounds)
    {
        if (bounds.Count == 0)
        {
            return [$"{setting} is empty; write at least one duration (e.g. [\"04:00:00\"])."];
        }
        return bounds.Select((bound, i) => (bound, i))
            .Where(b => b.bound <= TimeSpan.Zero || (b.i > 0 && b.bound <= bounds[b.i - 1]))
            .Select(b => $"{setting}:{b.i} is {b.bound}; each must be positive and longer than the one before.");
    }

    private static ValidateOptionsResult Result(IReadOnlyList<string> problems) =>
        problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
}
