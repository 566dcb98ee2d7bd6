using Microsoft.Extensions.Options;

namespace Mash.Timeliness.Timing;

/// <summary>Every RAG has a target that reads, and the time zone exists: checked at start.</summary>
internal sealed class TimelinessOptionsValidator : IValidateOptions<TimelinessOptions>
{
    public ValidateOptionsResult Validate(string? name, TimelinessOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IReadOnlyList<string> Problems(TimelinessOptions options)
    {
        var problems = new List<string>();
        foreach (var (rag, text) in new[] { ("Red", options.Targets.Red), ("Amber", options.Targets.Amber), ("Green", options.Targets.Green) })
        {
            if (TargetText.Parse(text) is null)
            {
                problems.Add($"Timeliness:Targets:{rag} is '{text}'; write a positive \"<n> hours\" or \"<n> working days\".");
            }
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
        {
            problems.Add($"Timeliness:TimeZone '{options.TimeZone}' is not a time zone this machine knows.");
        }
        return problems;
    }
}
