namespace Mash.Timeliness.Tests.Infrastructure;

/// <summary>Instants written as a clock on a wall in England shows them.</summary>
internal static class Instants
{
    /// <summary>Greenwich Mean Time (late October to late March).</summary>
    public static DateTimeOffset Gmt(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>British Summer Time (late March to late October).</summary>
    public static DateTimeOffset Bst(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(1));
}
