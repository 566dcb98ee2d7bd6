using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Mash.Timeliness.Timing;

/// <summary>
/// "timeliness-calendar": Degraded when the bank holidays run out within
/// <c>Timeliness:Calendar:WarnDaysBeforeEnd</c>, or have run out, or a deadline was counted over a
/// day they do not cover (imported history from an earlier year, a deadline past the last one):
/// such days count as working days if weekdays, and the dashboard says so.
/// </summary>
internal sealed class CalendarHealthCheck(Deadlines deadlines, IOptions<TimelinessOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check(deadlines.Calendar, deadlines.Calendar.LocalDay(time.GetUtcNow()), options.Value.Calendar.WarnDaysBeforeEnd));

    public static HealthCheckResult Check(WorkingCalendar calendar, DateOnly today, int warnDaysBeforeEnd)
    {
        var holidays = calendar.BankHolidays;
        var loaded = $"Bank holidays for {holidays.Division} are loaded for {holidays.FirstDay:yyyy-MM-dd} to {holidays.LastDay:yyyy-MM-dd}";
        const string load = "load GOV.UK's bank-holidays.json (Timeliness:Calendar:BankHolidaysFile)";
        if (calendar.FirstDayOutside is { } outside)
        {
            return HealthCheckResult.Degraded($"{loaded}; a working-day deadline was counted over {outside:yyyy-MM-dd}, outside them, taking its weekdays as working days: {load} covering it.");
        }
        if (today > holidays.LastDay)
        {
            return HealthCheckResult.Degraded($"{loaded}; today is past them: {load} with this year's.");
        }
        if (today.AddDays(warnDaysBeforeEnd) > holidays.LastDay)
        {
            return HealthCheckResult.Degraded($"{loaded}; they end within {warnDaysBeforeEnd} days: {load} with next year's.");
        }
        return HealthCheckResult.Healthy(loaded + ".");
    }
}
