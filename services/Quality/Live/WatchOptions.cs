namespace Mash.Quality.Live;

/// <summary>Settings under <c>Quality:Watch</c>: how a watch keeps up with the facts.</summary>
internal sealed class WatchOptions
{
    public const string SectionName = "Quality:Watch";

    /// <summary>
    /// How often a watch reads again with no change heard: facts another replica consumed are
    /// heard only so, within this.
    /// </summary>
    public TimeSpan Recheck { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The least time between a watch's reads: the changes of a busy second make one read, not one each.</summary>
    public TimeSpan Coalesce { get; set; } = TimeSpan.FromSeconds(1);
}
