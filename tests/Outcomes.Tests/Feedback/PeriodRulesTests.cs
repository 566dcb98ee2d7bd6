using Google.Protobuf.WellKnownTypes;
using Mash.Outcomes.Feedback;

namespace Mash.Outcomes.Tests.Feedback;

public sealed class PeriodRulesTests
{
    private static readonly Timestamp April = Timestamp.FromDateTime(new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly Timestamp July = Timestamp.FromDateTime(new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_quarter_is_a_period() => Assert.Empty(PeriodRules.Check(April, July));

    [Fact]
    public void Both_ends_are_required_each_named() => Assert.Equal(["from", "to"], PeriodRules.Check(null, null).Select(v => v.Field));

    [Fact]
    public void A_period_ends_after_it_starts()
    {
        Assert.Equal("to", PeriodRules.FromIsBeforeTo(July, April)?.Field);
        Assert.Equal("to", PeriodRules.FromIsBeforeTo(April, April)?.Field);
    }
}
