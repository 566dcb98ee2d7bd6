using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>T2: answers after 1 h, exactly 4 h, 4 h and a second, and 9 h.</summary>
public sealed class ResponseTimesTests
{
    private static readonly InformationResponseFact[] Responses =
    [
        Response("i1", TimeSpan.FromHours(1)), Response("i2", TimeSpan.FromHours(4)),
        Response("i3", TimeSpan.FromHours(4) + TimeSpan.FromSeconds(1), "5–7 h"), Response("i4", TimeSpan.FromHours(9), "7–15 h"),
    ];

    [Fact]
    public void An_answer_is_within_4_hours_up_to_and_including_the_fourth_hour() => Assert.Equal(2, ResponseTimes.WithinFirstBand(Responses));

    [Fact]
    public void Answers_are_counted_by_the_band_Triage_gave_them() =>
        Assert.Equal(new Dictionary<string, long> { ["within 4 h"] = 2, ["5–7 h"] = 1, ["7–15 h"] = 1 }, ResponseTimes.ByBand(Responses));
}
