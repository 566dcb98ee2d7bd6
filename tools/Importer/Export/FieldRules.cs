using System.Globalization;
using Mash.Contracts.Common.V1;

namespace Mash.Importer.Export;

/// <summary>
/// What each kind of column must hold. Each rule reads one value and returns it, or the reason it
/// cannot be read (a bad row's reason, reported with its file and line).
/// </summary>
internal static class FieldRules
{
    /// <summary>A time without an offset is the partnership's local time, as a case system shows it.</summary>
    public static readonly TimeZoneInfo LocalTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    public static Read<string> Required(string value) =>
        value.Length > 0 ? Read.Ok(value) : Read.Fail<string>("required");

    /// <summary>ISO 8601 with Z or an offset (2024-04-03T09:15:00Z); without one, UK local time (2024-04-03 10:15).</summary>
    public static Read<DateTimeOffset> Instant(string value)
    {
        if (value.Length == 0)
        {
            return Read.Fail<DateTimeOffset>("required");
        }
        if (HasOffset(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var given))
        {
            return Read.Ok(given.ToUniversalTime());
        }
        if (DateTime.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return Read.Ok(TimeZoneInfo.ConvertTimeToUtc(local, LocalTime) is var utc ? new DateTimeOffset(utc, TimeSpan.Zero) : default);
        }
        return Read.Fail<DateTimeOffset>($"'{value}' is not a time: ISO 8601, e.g. 2024-04-03T09:15:00Z");
    }

    /// <summary>A calendar date, yyyy-MM-dd (a date of birth).</summary>
    public static Read<DateOnly> Date(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Read.Ok(date)
            : Read.Fail<DateOnly>(value.Length == 0 ? "required" : $"'{value}' is not a date: yyyy-MM-dd");

    /// <summary>Red, Amber or Green (any case; R, A, G too).</summary>
    public static Read<Rag> Rag(string value) => value.ToUpperInvariant() switch
    {
        "RED" or "R" => Read.Ok(Contracts.Common.V1.Rag.Red),
        "AMBER" or "A" => Read.Ok(Contracts.Common.V1.Rag.Amber),
        "GREEN" or "G" => Read.Ok(Contracts.Common.V1.Rag.Green),
        "" => Read.Fail<Rag>("required"),
        _ => Read.Fail<Rag>($"'{value}' is not a RAG rating: Red, Amber or Green"),
    };

    /// <summary>Yes or no (Y/N, true/false, 1/0), as the CIN census writes its flags.</summary>
    public static Read<bool> YesNo(string value) => value.ToUpperInvariant() switch
    {
        "Y" or "YES" or "TRUE" or "1" => Read.Ok(true),
        "N" or "NO" or "FALSE" or "0" => Read.Ok(false),
        "" => Read.Fail<bool>("required"),
        _ => Read.Fail<bool>($"'{value}' is not yes or no"),
    };

    /// <summary>Children (default) or adults.</summary>
    public static Read<Pathway> Pathway(string value) => value.ToUpperInvariant() switch
    {
        "" or "CHILDREN" or "CHILD" => Read.Ok(Contracts.Common.V1.Pathway.Children),
        "ADULTS" or "ADULT" => Read.Ok(Contracts.Common.V1.Pathway.Adults),
        _ => Read.Fail<Pathway>($"'{value}' is not a pathway: children or adults"),
    };

    /// <summary>A list within one field, separated by semicolons (presenting issues, onward agencies).</summary>
    public static IReadOnlyList<string> List(string value) =>
        [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool HasOffset(string value) =>
        value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');
}
