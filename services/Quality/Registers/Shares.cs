namespace Mash.Quality.Registers;

/// <summary>A register's percentages, to one decimal place as the board reads them.</summary>
internal static class Shares
{
    /// <summary><paramref name="part"/> of <paramref name="whole"/> × 100; null when there is nothing to divide by (no value is not 0 %).</summary>
    public static double? Percent(long part, long whole) =>
        whole == 0 ? null : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);
}
