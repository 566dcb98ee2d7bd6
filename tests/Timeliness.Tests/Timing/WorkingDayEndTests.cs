using Mash.Timeliness.Tests.Infrastructure;
using Mash.Timeliness.Timing;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Timing;

/// <summary>The convention for when a working-day target falls due: the time received, or when the working day ends.</summary>
public class WorkingDayEndTests
{
    private static readonly TimeOnly FivePm = new(17, 0);

    private static DateTimeOffset DueAtFive(DateTimeOffset startedAt, int days) => DueDates.AtEndOfWorkingDay(startedAt, days, FivePm, TestTargets.Calendar);

    [Fact]
    public void Time_received_is_read() => Assert.Equal(new WorkingDayEnd.AtTimeReceived(), WorkingDayEnd.Parse("time received"));

    [Fact]
    public void A_time_of_day_is_read() => Assert.Equal(new WorkingDayEnd.At(FivePm), WorkingDayEnd.Parse("17:00"));

    [Theory]
    [InlineData("5pm")]
    [InlineData("25:00")]
    [InlineData("00:00")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not(string? text) => Assert.Null(WorkingDayEnd.Parse(text));

    [Fact]
    public void A_convention_that_does_not_read_is_named()
    {
        var options = TestTargets.Options();
        options.WorkingDaysDue = "5pm";

        Assert.Contains("Timeliness:WorkingDaysDue is '5pm'", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Received_monday_morning_5_working_days_are_due_the_next_monday_as_the_day_ends() =>
        Assert.Equal(Bst(2025, 6, 9, 17), DueAtFive(Bst(2025, 6, 2, 10), 5));

    [Fact]
    public void Received_after_the_day_ends_counts_from_the_next_day() =>
        Assert.Equal(Bst(2025, 6, 10, 17), DueAtFive(Bst(2025, 6, 2, 18), 5));

    [Fact]
    public void Received_on_saturday_monday_is_the_first_day() =>
        Assert.Equal(Bst(2025, 6, 13, 17), DueAtFive(Bst(2025, 6, 7, 10), 5));

    [Fact]
    public void Bank_holidays_do_not_count() =>
        Assert.Equal(Gmt(2025, 12, 29, 17), DueAtFive(Gmt(2025, 12, 24, 10), 1));

    [Fact]
    public void Deadlines_use_the_configured_convention()
    {
        var options = TestTargets.Options();
        options.WorkingDaysDue = "17:00";

        Assert.Equal(Bst(2025, 6, 9, 17), Deadlines.From(options).DueAt(Bst(2025, 6, 2, 10), Mash.Contracts.Common.V1.Rag.Green));
    }
}
