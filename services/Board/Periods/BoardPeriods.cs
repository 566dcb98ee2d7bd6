using Mash.Contracts.Quality.V1;

namespace Mash.Board.Periods;

/// <summary>The periods in the page's addresses (<c>?period=q2</c>) and words.</summary>
public static class BoardPeriods
{
    public static IReadOnlyList<BoardPeriod> All { get; } = Enum.GetValues<BoardPeriod>();

    public static IReadOnlyList<BoardPeriod> Quarters { get; } = [BoardPeriod.Q1, BoardPeriod.Q2, BoardPeriod.Q3, BoardPeriod.Q4];

    public static string Slug(BoardPeriod period) => period switch
    {
        BoardPeriod.YearToDate => "ytd",
        BoardPeriod.RollingYear => "rolling",
        _ => period.ToString().ToLowerInvariant(),
    };

    /// <summary>The period a slug names, or null for anything else (the page then shows the current quarter).</summary>
    public static BoardPeriod? Parse(string? slug) => All.Cast<BoardPeriod?>().FirstOrDefault(p => Slug(p!.Value).Equals(slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The period kind Quality is asked to judge: a quarter, the year to date, or the rolling year.</summary>
    public static ReportingPeriodKind Kind(BoardPeriod period) => period switch
    {
        BoardPeriod.YearToDate => ReportingPeriodKind.YearToDate,
        BoardPeriod.RollingYear => ReportingPeriodKind.RollingYear,
        _ => ReportingPeriodKind.Quarter,
    };

    public static string Words(BoardPeriod period) => period switch
    {
        BoardPeriod.YearToDate => "Year to date",
        BoardPeriod.RollingYear => "Rolling year",
        _ => $"Quarter {(int)period + 1}",
    };
}
