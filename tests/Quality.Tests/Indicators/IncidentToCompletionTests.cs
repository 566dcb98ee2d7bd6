using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.DepthTestFacts;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>
/// T5, incidents at Monday 09:00, the period ending Tuesday 12:00 (27 h later): completed after 3 h,
/// exactly 24 h, and 24 h and a second; two still open, past their 24 h at the end (both are misses).
/// </summary>
public sealed class IncidentToCompletionTests
{
    private static readonly IncidentFact[] Incidents =
    [
        Incident("c1", TimeSpan.FromHours(3)), Incident("c2", TimeSpan.FromHours(24)), Incident("c3", TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1)),
        Incident("c4", null), Incident("c5", null),
    ];

    private static readonly DateTime End = Monday.AddHours(27);

    [Fact]
    public void Completed_within_24_hours_up_to_and_including_the_24th() => Assert.Equal(2, IncidentToCompletion.WithinTarget(Incidents));

    [Fact]
    public void Completed_ones_and_open_ones_past_24_hours_at_the_end_are_judged() => Assert.Equal(5, IncidentToCompletion.Judged(Incidents, End));

    [Fact]
    public void One_open_and_still_in_time_at_the_end_is_not_judged_yet() =>
        Assert.Equal(1, IncidentToCompletion.Judged([Incident("c1", TimeSpan.FromHours(3)), Incident("c4", null)], Monday.AddHours(23)));

    [Fact]
    public void Without_an_end_an_open_one_is_never_judged() => Assert.Equal(0, IncidentToCompletion.Judged([Incident("c4", null)], null));
}
