using System.Globalization;

namespace Mash.Board.Periods;

/// <summary>The financial years a board may pick (<c>?year=2025</c>) and the one an address asks for.</summary>
public static class YearChoice
{
    /// <summary>How far back the page offers when <c>Board:EarliestFinancialYear</c> is unset.</summary>
    public const int DefaultYearsBack = 3;

    /// <summary>The years from <paramref name="earliest"/> to <paramref name="latest"/>, newest first; the latest alone if they are the wrong way round.</summary>
    public static IReadOnlyList<int> Offered(int earliest, int latest) =>
        earliest <= latest ? [.. Enumerable.Range(earliest, latest - earliest + 1).Reverse()] : [latest];

    /// <summary>The first year offered: the configured one, else a few years back; never after the year shown by default.</summary>
    public static int Earliest(int? configured, int currentYear, int defaultYear) =>
        Math.Min(configured ?? currentYear - DefaultYearsBack, defaultYear);

    /// <summary>The last year offered: the one today is in, or a configured later one.</summary>
    public static int Latest(int currentYear, int defaultYear) => Math.Max(currentYear, defaultYear);

    /// <summary>
    /// The year an address asks for, brought within the years offered; anything but a plain year number
    /// (absent, "abc", "-1", "2025/26") is ignored and the default shown, never an error.
    /// </summary>
    public static int Chosen(string? asked, int defaultYear, int earliest, int latest) =>
        int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? Math.Clamp(year, Math.Min(earliest, latest), latest)
            : defaultYear;
}
