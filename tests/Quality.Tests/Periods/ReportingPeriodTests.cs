using Mash.Quality.Periods;

namespace Mash.Quality.Tests.Periods;

/// <summary>Months, quarters of each reporting year and years to date, worked by hand from the calendar.</summary>
public sealed class ReportingPeriodTests
{
    private const int Financial = 4;
    private const int School = 9;
    private const int Calendar = 1;

    private static ReportingPeriod Quarter(int year, int month, int day, int yearStart) =>
        ReportingPeriod.Containing(PeriodKind.Quarter, new DateOnly(year, month, day), yearStart);

    [Fact]
    public void Mid_May_is_Q1_of_the_financial_year_April_to_June()
    {
        var q = Quarter(2025, 5, 15, Financial);
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1), 1, "2025/26 Q1"), (q.From, q.To, q.QuarterNumber, q.Label));
    }

    [Fact]
    public void February_is_Q4_of_the_financial_year_that_began_the_April_before()
    {
        var q = Quarter(2026, 2, 10, Financial);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1), "2025/26 Q4"), (q.From, q.To, q.Label));
    }

    [Fact]
    public void October_is_Q1_of_the_school_year_September_to_November()
    {
        var q = Quarter(2025, 10, 10, School);
        Assert.Equal((new DateOnly(2025, 9, 1), new DateOnly(2025, 12, 1), "2025/26 Q1"), (q.From, q.To, q.Label));
    }

    [Fact]
    public void March_is_Q3_of_the_school_year_March_to_May()
    {
        var q = Quarter(2026, 3, 10, School);
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 1), 3), (q.From, q.To, q.QuarterNumber));
    }

    [Fact]
    public void Mid_May_is_Q2_of_the_calendar_year()
    {
        var q = Quarter(2025, 5, 15, Calendar);
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1), "2025 Q2"), (q.From, q.To, q.Label));
    }

    [Fact]
    public void A_month_is_its_calendar_month()
    {
        var month = ReportingPeriod.Containing(PeriodKind.Month, new DateOnly(2025, 5, 15), Financial);
        Assert.Equal((new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 1), "May 2025"), (month.From, month.To, month.Label));
    }

    [Fact]
    public void The_financial_year_to_date_in_mid_August_runs_from_April_to_the_end_of_August()
    {
        var ytd = ReportingPeriod.Containing(PeriodKind.YearToDate, new DateOnly(2025, 8, 15), Financial);
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2025, 9, 1), "2025/26 YTD to Aug"), (ytd.From, ytd.To, ytd.Label));
    }

    [Fact]
    public void The_rolling_year_to_a_quarters_end_is_the_twelve_months_before_it()
    {
        var rolling = ReportingPeriod.RollingYearTo(new DateOnly(2025, 10, 1), Financial);
        Assert.Equal((PeriodKind.RollingYear, new DateOnly(2024, 10, 1), new DateOnly(2025, 10, 1), 0), (rolling.Kind, rolling.From, rolling.To, rolling.QuarterNumber));
    }

    [Fact]
    public void The_financial_rolling_year_in_mid_August_runs_to_the_end_of_Q2_in_September()
    {
        var rolling = ReportingPeriod.Containing(PeriodKind.RollingYear, new DateOnly(2025, 8, 15), Financial);
        Assert.Equal((new DateOnly(2024, 10, 1), new DateOnly(2025, 10, 1), "Rolling year to Sep 2025"), (rolling.From, rolling.To, rolling.Label));
    }

    [Fact]
    public void The_school_rolling_year_in_October_runs_to_the_end_of_November()
    {
        var rolling = ReportingPeriod.Containing(PeriodKind.RollingYear, new DateOnly(2025, 10, 10), School);
        Assert.Equal((new DateOnly(2024, 12, 1), new DateOnly(2025, 12, 1), "Rolling year to Nov 2025"), (rolling.From, rolling.To, rolling.Label));
    }

    [Fact]
    public void The_rolling_year_on_a_quarters_last_day_still_ends_with_that_quarter()
    {
        var rolling = ReportingPeriod.Containing(PeriodKind.RollingYear, new DateOnly(2026, 3, 31), Financial);
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2026, 4, 1)), (rolling.From, rolling.To));
    }

    [Fact]
    public void The_rolling_year_before_is_the_twelve_months_a_year_earlier()
    {
        var previous = ReportingPeriod.Containing(PeriodKind.RollingYear, new DateOnly(2025, 8, 15), Financial).Previous();
        Assert.Equal((PeriodKind.RollingYear, new DateOnly(2023, 10, 1), new DateOnly(2024, 10, 1)), (previous.Kind, previous.From, previous.To));
    }

    [Fact]
    public void The_quarter_before_Q1_is_Q4_of_the_year_before()
    {
        var previous = Quarter(2025, 5, 15, Financial).Previous();
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1), "2024/25 Q4"), (previous.From, previous.To, previous.Label));
    }

    [Fact]
    public void The_year_to_date_before_is_the_same_span_a_year_earlier()
    {
        var previous = ReportingPeriod.Containing(PeriodKind.YearToDate, new DateOnly(2025, 8, 15), Financial).Previous();
        Assert.Equal((new DateOnly(2024, 4, 1), new DateOnly(2024, 9, 1)), (previous.From, previous.To));
    }

    [Fact]
    public void A_window_of_four_quarters_is_the_rolling_year_oldest_first()
    {
        var window = Quarter(2025, 5, 15, Financial).Window(4);
        Assert.Equal(["2024/25 Q2", "2024/25 Q3", "2024/25 Q4", "2025/26 Q1"], window.Select(q => q.Label));
    }

    [Fact]
    public void A_financial_quarter_starts_at_local_midnight_so_in_summer_an_hour_before_UTC_midnight()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var period = PeriodInstants.Of(Quarter(2025, 5, 15, Financial), london);
        Assert.Equal(new DateTime(2025, 3, 31, 23, 0, 0, DateTimeKind.Utc), period.From);
        Assert.Equal(new DateTime(2025, 6, 30, 23, 0, 0, DateTimeKind.Utc), period.To);
    }
}
