using Mash.Intake.Validation;

namespace Mash.Intake.Tests.Validation;

public sealed class PartnershipClockTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void Now_is_at_the_partnerships_offset_british_summer_time_in_june()
    {
        var utc = new DateTimeOffset(2025, 6, 2, 23, 30, 0, TimeSpan.Zero);

        var now = new PartnershipClock(new FixedTime(utc), London).Now;

        Assert.Equal(TimeSpan.FromHours(1), now.Offset);
        Assert.Equal(utc, now);
        Assert.Equal(new DateOnly(2025, 6, 3), DateOnly.FromDateTime(now.DateTime));
    }

    [Fact]
    public void The_shipped_time_zone_is_London_and_an_unknown_one_is_refused()
    {
        Assert.Equal("Europe/London", new PartnershipTimeOptions().TimeZone);
        Assert.True(new PartnershipTimeOptions().IsUsable);
        Assert.False(new PartnershipTimeOptions { TimeZone = "Mars/Olympus_Mons" }.IsUsable);
    }
}
