using System.Globalization;

namespace Mash.Intake.Repeats;

/// <summary>
/// How far back an earlier contact still counts as repeated: a whole number of calendar months,
/// or of days, so "12 months" means the same date a year before whatever the year's length.
/// Written "12 months", "1 year" or "90 days".
/// </summary>
public readonly record struct RepeatWindow(int Months, int Days)
{
    public static RepeatWindow TwelveMonths { get; } = new(12, 0);

    public const string Format = "a positive whole number of months, years or days, e.g. \"12 months\", \"1 year\" or \"90 days\"";

    /// <summary>The earliest receipt time that still counts for a contact received at <paramref name="receivedAt"/>.</summary>
    public DateTimeOffset StartFor(DateTimeOffset receivedAt) => receivedAt.AddMonths(-Months).AddDays(-Days);

    public static bool TryParse(string? text, out RepeatWindow window)
    {
        window = default;
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return false;
        }
        switch (parts[1].ToLowerInvariant())
        {
            case "month" or "months":
                window = new(count, 0);
                return true;
            case "year" or "years" when count <= int.MaxValue / 12:
                window = new(count * 12, 0);
                return true;
            case "day" or "days":
                window = new(0, count);
                return true;
            default:
                return false;
        }
    }

    public override string ToString() => Months > 0 ? $"{Months} months" : $"{Days} days";
}
