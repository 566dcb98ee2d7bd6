using Mash.Timeliness.Timing;

namespace Mash.Timeliness.Tests.Infrastructure;

/// <summary>Walsall's targets on England's calendar, with the 2025 bank holidays the tests cross.</summary>
internal static class TestTargets
{
    public static TimelinessOptions Options() => new()
    {
        Targets = new RagTargetOptions { Red = "4 hours", Amber = "24 hours", Green = "5 working days" },
        TimeZone = "Europe/London",
        BankHolidays = [new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 5), new(2025, 12, 25), new(2025, 12, 26)],
    };

    public static WorkingCalendar Calendar { get; } =
        new(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), Options().BankHolidays);

    public static Deadlines Deadlines { get; } = Mash.Timeliness.Timing.Deadlines.From(Options());
}
