using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Facts;
using Mash.Quality.Grpc;

namespace Mash.Quality.Tests.Grpc;

public sealed class ScorecardRequestRulesTests
{
    private static readonly DateTime April = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_request_without_bounds_is_the_whole_history()
    {
        Assert.Empty(ScorecardRequestRules.Check(new GetScorecardRequest()));
        Assert.Equal(Period.All, ScorecardRequestRules.PeriodOf(new GetScorecardRequest()));
    }

    [Fact]
    public void A_bounded_request_is_that_period()
    {
        var request = new GetScorecardRequest { From = Timestamp.FromDateTime(April), To = Timestamp.FromDateTime(April.AddMonths(3)) };
        Assert.Empty(ScorecardRequestRules.Check(request));
        Assert.Equal(new Period(April, April.AddMonths(3)), ScorecardRequestRules.PeriodOf(request));
    }

    [Fact]
    public void A_bound_must_be_a_valid_timestamp() =>
        Assert.Equal("from", ScorecardRequestRules.IsAValidTime("from", new Timestamp { Seconds = 1, Nanos = -1 })?.Field);

    [Fact]
    public void A_bound_beyond_the_year_9999_is_not_a_valid_timestamp() =>
        Assert.NotNull(ScorecardRequestRules.IsAValidTime("to", new Timestamp { Seconds = long.MaxValue }));

    [Fact]
    public void The_period_must_end_after_it_starts()
    {
        var request = new GetScorecardRequest { From = Timestamp.FromDateTime(April), To = Timestamp.FromDateTime(April) };
        Assert.Equal("to", ScorecardRequestRules.FromIsBeforeTo(request)?.Field);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var request = new GetScorecardRequest { From = new Timestamp { Nanos = -1 }, To = new Timestamp { Nanos = -1 } };
        Assert.Equal(["from", "to"], ScorecardRequestRules.Check(request).Select(v => v.Field));
    }
}
