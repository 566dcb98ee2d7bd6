using Mash.Triage.InformationSharing;

namespace Mash.Triage.Tests.InformationSharing;

/// <summary>T2: Walsall's bands of agency feedback, as shipped.</summary>
public class ResponseBandsTests
{
    private static readonly IReadOnlyList<ResponseBand> Walsall = InformationSharingOptions.Walsall();

    [Theory]
    [InlineData(0, "within 4 h")]
    [InlineData(240, "within 4 h")]
    [InlineData(241, "5–7 h")]
    [InlineData(420, "5–7 h")]
    [InlineData(421, "7–15 h")]
    [InlineData(900, "7–15 h")]
    [InlineData(901, "later")]
    [InlineData(60 * 24 * 10, "later")]
    public void A_response_falls_in_the_first_band_it_does_not_exceed(int minutes, string band) =>
        Assert.Equal(band, ResponseBands.BandOf(TimeSpan.FromMinutes(minutes), Walsall));

    [Fact]
    public void The_shipped_bands_are_usable() => Assert.True(new InformationSharingOptions { ResponseBands = InformationSharingOptions.Walsall() }.IsUsable);

    [Fact]
    public void Bands_need_an_open_last_band() =>
        Assert.False(new InformationSharingOptions { ResponseBands = [new() { Label = "within 4 h", UpTo = TimeSpan.FromHours(4) }] }.IsUsable);

    [Fact]
    public void Bands_go_from_shortest_to_longest() =>
        Assert.False(new InformationSharingOptions
        {
            ResponseBands = [new() { Label = "a", UpTo = TimeSpan.FromHours(7) }, new() { Label = "b", UpTo = TimeSpan.FromHours(4) }, new() { Label = "later" }],
        }.IsUsable);

    [Fact]
    public void Every_band_has_a_label() =>
        Assert.False(new InformationSharingOptions { ResponseBands = [new() { Label = "", UpTo = TimeSpan.FromHours(4) }, new() { Label = "later" }] }.IsUsable);
}
