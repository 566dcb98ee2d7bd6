using Mash.Triage.Timing;

namespace Mash.Triage.Tests.Timing;

public class TimeRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_importer_may_give_a_time() => Assert.Null(TimeRules.OnlyAnImporterGivesTimes(given: true, isImporter: true));

    [Fact]
    public void No_one_else_may_give_a_time() => Assert.NotNull(TimeRules.OnlyAnImporterGivesTimes(given: true, isImporter: false));

    [Fact]
    public void Anyone_may_act_now() => Assert.Null(TimeRules.OnlyAnImporterGivesTimes(given: false, isImporter: false));

    [Fact]
    public void A_past_time_stands() => Assert.Null(TimeRules.NotInTheFuture(Now.AddDays(-400), Now));

    [Fact]
    public void The_present_stands() => Assert.Null(TimeRules.NotInTheFuture(Now, Now));

    [Fact]
    public void A_future_time_is_refused() => Assert.NotNull(TimeRules.NotInTheFuture(Now.AddSeconds(1), Now));

    [Fact]
    public void A_given_time_before_what_it_follows_is_refused() =>
        Assert.NotNull(TimeRules.NotBefore(new Moment(Now.AddHours(-2), Given: true), Now.AddHours(-1), "the contact was received"));

    [Fact]
    public void A_given_time_after_what_it_follows_stands() =>
        Assert.Null(TimeRules.NotBefore(new Moment(Now, Given: true), Now.AddHours(-1), "the contact was received"));

    [Fact]
    public void The_servers_clock_is_taken_as_it_comes() =>
        Assert.Null(TimeRules.NotBefore(new Moment(Now.AddHours(-2)), Now.AddHours(-1), "the contact was received"));
}
