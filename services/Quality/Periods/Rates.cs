namespace Mash.Quality.Periods;

/// <summary>
/// Calderdale's rolling rate (seed 004 Appendix 1): A = (B ÷ C) × 10,000, where B is the total over
/// the last four quarters ÷ 4 and C the configured population (0–17 for children, 18+ for adults).
/// </summary>
internal static class Rates
{
    /// <summary>B: the last four quarters' total ÷ 4; null until four quarters are known.</summary>
    public static double? FourQuarterAverage(IReadOnlyList<double> quarterTotals) =>
        quarterTotals.Count < 4 ? null : quarterTotals.TakeLast(4).Sum() / 4;

    /// <summary>The four three-month spans before <paramref name="end"/> (exclusive), oldest first: the rolling year as at that day.</summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> FourQuartersBefore(DateOnly end) =>
        [.. Enumerable.Range(1, 4).Reverse().Select(k => (end.AddMonths(-3 * k), end.AddMonths(-3 * (k - 1))))];

    /// <summary>A: <paramref name="count"/> per 10,000 of <paramref name="population"/>.</summary>
    public static double Per10000(double count, long population) =>
        population > 0 ? count / population * 10_000 : throw new ArgumentOutOfRangeException(nameof(population), population, "A rate needs a population above 0.");

    /// <summary>A over the last four quarters: their average per 10,000 of the population; null until four quarters are known.</summary>
    public static double? RollingPer10000(IReadOnlyList<double> quarterTotals, long population) =>
        FourQuarterAverage(quarterTotals) is { } average ? Per10000(average, population) : null;

    /// <summary>The result as reported: to the indicator's number of decimal places, halves away from zero (55.05 → 55.1).</summary>
    public static double ToPrecision(double value, int decimalPlaces) =>
        (double)Math.Round((decimal)value, decimalPlaces, MidpointRounding.AwayFromZero);
}
