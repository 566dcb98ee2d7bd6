using Mash.Contracts.Common.V1;
using Mash.Timeliness.Timing;
using Microsoft.Extensions.Configuration;

namespace Mash.Timeliness.Tests.Timing;

/// <summary>The service's own appsettings.json: Walsall's targets on England and Wales's shipped calendar.</summary>
public class ShippedDefaultsTests
{
    private static readonly TimelinessOptions Shipped = Load();

    private static TimelinessOptions Load()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        return configuration.GetSection(TimelinessOptions.SectionName).Get<TimelinessOptions>()!;
    }

    [Fact]
    public void They_are_valid() => Assert.Empty(TimelinessOptionsValidator.Problems(Shipped));

    [Fact]
    public void They_are_walsall_s_targets()
    {
        var targets = Deadlines.From(Shipped).TargetsAt(DateTimeOffset.UnixEpoch);

        Assert.Equal(new Target.Elapsed(TimeSpan.FromHours(4)), targets[Rag.Red]);
        Assert.Equal(new Target.Elapsed(TimeSpan.FromHours(24)), targets[Rag.Amber]);
        Assert.Equal(new Target.WorkingDays(5), targets[Rag.Green]);
    }

    [Fact]
    public void Working_days_are_england_s() => Assert.Equal("Europe/London", Shipped.TimeZone);

    [Fact]
    public void Working_days_fall_due_at_the_time_received() => Assert.Equal(WorkingDayEnd.AtTimeReceivedText, Shipped.WorkingDaysDue);

    [Fact]
    public void The_calendar_is_england_and_wales_s_shipped_file()
    {
        Assert.Equal("england-and-wales", Shipped.Calendar.Division);
        Assert.Equal("Calendars/bank-holidays.json", Shipped.Calendar.BankHolidaysFile);
    }

    [Fact]
    public void No_targets_change_over_time() => Assert.Empty(Shipped.TargetChanges);
}
