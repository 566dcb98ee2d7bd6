using Mash.Timeliness.Timing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.Timeliness.Tests.Timing;

/// <summary>The timeliness-calendar health check: a day outside the loaded bank holidays is a warning on the dashboard, never a silent assumption.</summary>
public class CalendarHealthCheckTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // Covers 2025 to 2030.
    private static WorkingCalendar Calendar() => new(London, BankHolidayFile.Load("Calendars/bank-holidays.json", "england-and-wales"), []);

    [Fact]
    public void Healthy_while_the_calendar_runs_well_ahead()
    {
        var result = CalendarHealthCheck.Check(Calendar(), new DateOnly(2026, 12, 5), 90);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("england-and-wales are loaded for 2025-01-01 to 2030-12-31", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Degraded_as_its_end_comes_within_the_warning()
    {
        var result = CalendarHealthCheck.Check(Calendar(), new DateOnly(2030, 10, 15), 90);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("end within 90 days", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Degraded_once_today_is_past_it()
    {
        var result = CalendarHealthCheck.Check(Calendar(), new DateOnly(2031, 1, 2), 90);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("today is past them", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Degraded_naming_the_day_when_a_deadline_was_counted_outside_it()
    {
        var calendar = Calendar();
        DueDates.AfterWorkingDays(new DateTimeOffset(2024, 12, 30, 10, 0, 0, TimeSpan.Zero), 5, calendar);

        var result = CalendarHealthCheck.Check(calendar, new DateOnly(2026, 12, 5), 90);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("counted over 2024-12-30, outside them", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_inside_it_leaves_it_healthy()
    {
        var calendar = Calendar();
        DueDates.AfterWorkingDays(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero), 5, calendar);

        Assert.Null(calendar.FirstDayOutside);
    }

    [Fact]
    public void Scotland_s_calendar_counts_2_january_as_a_day_off()
    {
        var scotland = new WorkingCalendar(London, BankHolidayFile.Load("Calendars/bank-holidays.json", "scotland"), []);

        Assert.False(scotland.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.True(Calendar().IsWorkingDay(new DateOnly(2026, 1, 2)));
    }

    [Fact]
    public void Other_days_off_are_added_to_the_file_s()
    {
        var closedOneDay = new WorkingCalendar(London, BankHolidayFile.Load("Calendars/bank-holidays.json", "england-and-wales"), [new DateOnly(2026, 6, 3)]);

        Assert.False(closedOneDay.IsWorkingDay(new DateOnly(2026, 6, 3)));
    }
}
