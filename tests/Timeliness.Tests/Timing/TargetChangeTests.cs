using Mash.Contracts.Common.V1;
using Mash.Timeliness.Tests.Infrastructure;
using Mash.Timeliness.Timing;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Timing;

/// <summary>Targets that change over time apply by the day the contact was received (the partnership's local date).</summary>
public class TargetChangeTests
{
    // Red was 4 hours until 31 March 2026, 2 hours from 1 April 2026.
    private static readonly Deadlines Changing = Deadlines.From(WithRedFromApril("2 hours"));

    private static TimelinessOptions WithRedFromApril(string red)
    {
        var options = TestTargets.Options();
        options.TargetChanges = [new TargetChangeOptions { From = new DateOnly(2026, 4, 1), Red = red, Amber = "24 hours", Green = "5 working days" }];
        return options;
    }

    [Fact]
    public void A_contact_received_before_the_change_is_judged_by_the_earlier_targets() =>
        Assert.Equal(Bst(2026, 3, 31, 14), Changing.DueAt(Bst(2026, 3, 31, 10), Rag.Red));

    [Fact]
    public void A_contact_received_on_the_day_of_the_change_is_judged_by_the_new_targets() =>
        Assert.Equal(Bst(2026, 4, 1, 2), Changing.DueAt(Bst(2026, 4, 1, 0), Rag.Red));

    [Fact]
    public void The_day_is_the_partnership_s_local_day_not_utc_s() =>
        // 23:30 UTC on 31 March is 00:30 on 1 April in London.
        Assert.Equal(new Target.Elapsed(TimeSpan.FromHours(2)), Changing.TargetsAt(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero))[Rag.Red]);

    [Fact]
    public void A_change_needs_its_date()
    {
        var options = WithRedFromApril("2 hours");
        options.TargetChanges[0].From = null;

        Assert.Contains("Timeliness:TargetChanges:0:From is missing", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_s_target_that_does_not_read_is_named() =>
        Assert.Contains("Timeliness:TargetChanges:0:Red is '2 hrs'", Assert.Single(TimelinessOptionsValidator.Problems(WithRedFromApril("2 hrs"))), StringComparison.Ordinal);

    [Fact]
    public void Two_sets_from_one_date_are_refused()
    {
        var options = WithRedFromApril("2 hours");
        options.TargetChanges.Add(new TargetChangeOptions { From = new DateOnly(2026, 4, 1), Red = "1 hour", Amber = "24 hours", Green = "none" });

        Assert.Contains("one set per date", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Sets_apply_in_date_order_whatever_order_they_are_written_in()
    {
        var options = WithRedFromApril("2 hours");
        options.TargetChanges.Insert(0, new TargetChangeOptions { From = new DateOnly(2027, 4, 1), Red = "1 hour", Amber = "24 hours", Green = "none" });
        var deadlines = Deadlines.From(options);

        Assert.Equal(new Target.Elapsed(TimeSpan.FromHours(2)), deadlines.TargetsAt(Bst(2026, 6, 1))[Rag.Red]);
        Assert.Equal(new Target.Elapsed(TimeSpan.FromHours(1)), deadlines.TargetsAt(Bst(2027, 6, 1))[Rag.Red]);
    }
}
