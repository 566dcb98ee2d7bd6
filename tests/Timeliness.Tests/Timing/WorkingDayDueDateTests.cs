using Mash.Timeliness.Tests.Infrastructure;
using Mash.Timeliness.Timing;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Timing;

/// <summary>
/// Working-day targets: whole working days of the partnership's local calendar; a contact received
/// on a weekend or bank holiday starts counting at the start of the next working day.
/// </summary>
public class WorkingDayDueDateTests
{
    private static DateTimeOffset Due(DateTimeOffset startedAt, int days) => DueDates.AfterWorkingDays(startedAt, days, TestTargets.Calendar);

    [Fact]
    public void Five_working_days_from_a_monday_morning_end_the_next_monday_morning() =>
        Assert.Equal(Bst(2025, 6, 9, 10), Due(Bst(2025, 6, 2, 10), 5));

    [Fact]
    public void A_weekend_does_not_count() =>
        Assert.Equal(Bst(2025, 6, 9, 10), Due(Bst(2025, 6, 5, 10), 2));

    [Fact]
    public void Friday_night_to_monday_night_is_one_working_day() =>
        Assert.Equal(Bst(2025, 6, 9, 23), Due(Bst(2025, 6, 6, 23), 1));

    [Fact]
    public void Bank_holidays_do_not_count() =>
        Assert.Equal(Gmt(2025, 12, 29, 10), Due(Gmt(2025, 12, 24, 10), 1));

    [Fact]
    public void A_bank_holiday_monday_after_a_weekend_does_not_count() =>
        Assert.Equal(Bst(2025, 5, 6, 10), Due(Bst(2025, 5, 2, 10), 1));

    [Fact]
    public void Received_on_a_saturday_counting_starts_on_monday_and_five_days_end_as_friday_ends() =>
        Assert.Equal(Bst(2025, 6, 14), Due(Bst(2025, 6, 7, 14), 5));

    [Fact]
    public void Received_at_the_first_moment_of_monday_is_due_when_received_on_the_saturday_before() =>
        Assert.Equal(Due(Bst(2025, 6, 7, 14), 5), Due(Bst(2025, 6, 9), 5));

    [Fact]
    public void Received_on_a_bank_holiday_counting_starts_the_next_working_day() =>
        Assert.Equal(Bst(2025, 4, 23), Due(Bst(2025, 4, 21, 9), 1));

    [Fact]
    public void Received_on_good_friday_counting_starts_after_easter_monday() =>
        Assert.Equal(Bst(2025, 4, 23), Due(Bst(2025, 4, 18, 15), 1));

    [Fact]
    public void Days_are_england_s_days_not_utc_s()
    {
        // 23:30 UTC on Sunday is 00:30 on Monday in London: already a working day there.
        var started = new DateTimeOffset(2025, 6, 8, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(Bst(2025, 6, 10, 0, 30), Due(started, 1));
    }

    [Fact]
    public void The_due_time_of_day_is_kept_across_a_clock_change() =>
        Assert.Equal(Bst(2025, 3, 31, 10), Due(Gmt(2025, 3, 27, 10), 2));
}
