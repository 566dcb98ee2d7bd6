namespace Mash.Board;

/// <summary>The page's settings, from <c>Board</c>.</summary>
public sealed class BoardOptions
{
    public const string SectionName = "Board";

    /// <summary>The financial year the scorecard shows by its first calendar year (2025 for 2025/26); unset, the year today falls in.</summary>
    public int? FinancialYear { get; set; }

    /// <summary>The first financial year the page offers (2023 for 2023/24); unset, three years before the year today is in.</summary>
    public int? EarliestFinancialYear { get; set; }

    /// <summary>The month the partnership's reporting year starts (April, as councils' financial years do).</summary>
    public int FinancialYearStartMonth { get; set; } = 4;

    /// <summary>How many outcomes and alerts the live page keeps on screen, newest first.</summary>
    public int LiveItems { get; set; } = 50;
}
