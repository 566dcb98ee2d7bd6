using System.Globalization;
using System.Text.Json;

namespace Mash.Timeliness.Timing;

/// <summary>One division's bank holidays and the whole years they cover.</summary>
internal sealed record BankHolidays(string Division, IReadOnlyList<DateOnly> Dates, DateOnly FirstDay, DateOnly LastDay)
{
    public bool Covers(DateOnly day) => day >= FirstDay && day <= LastDay;
}

/// <summary>
/// Reads GOV.UK's bank-holidays.json: <c>{ "england-and-wales": { "division": ..., "events": [ { "title",
/// "date": "yyyy-MM-dd", "notes", "bunting" } ] }, "scotland": ..., "northern-ireland": ... }</c>.
/// A division covers every whole year from its first listed date's to its last's.
/// </summary>
internal static class BankHolidayFile
{
    public static readonly string[] Divisions = ["england-and-wales", "scotland", "northern-ireland"];

    /// <summary>The division's bank holidays; throws <see cref="InvalidDataException"/> saying what is wrong with the text.</summary>
    public static BankHolidays Read(string json, string division)
    {
        using var document = ParseDocument(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(division, out var part))
        {
            throw new InvalidDataException($"it has no division '{division}' (GOV.UK's are {string.Join(", ", Divisions)})");
        }
        if (!part.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"division '{division}' has no events list");
        }
        var dates = events.EnumerateArray().Select(EventDate).Order().ToList();
        if (dates.Count == 0)
        {
            throw new InvalidDataException($"division '{division}' lists no bank holidays");
        }
        return new BankHolidays(division, dates, new DateOnly(dates[0].Year, 1, 1), new DateOnly(dates[^1].Year, 12, 31));
    }

    /// <summary>The file at <paramref name="path"/> (relative to the service's folder).</summary>
    public static BankHolidays Load(string path, string division) =>
        Read(File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path)), division);

    private static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"it is not JSON ({e.Message})", e);
        }
    }

    private static DateOnly EventDate(JsonElement holiday) =>
        holiday.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidDataException($"an event's date is not yyyy-MM-dd: {holiday}");
}
