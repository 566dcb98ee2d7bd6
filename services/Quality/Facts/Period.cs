namespace Mash.Quality.Facts;

/// <summary>A reporting period by occurred_at: from inclusive, to exclusive; null is unbounded.</summary>
internal sealed record Period(DateTime? From, DateTime? To)
{
    public static readonly Period All = new(null, null);
}
