using Mash.Contracts.Common.V1;
using Mash.Timeliness.Timing;
using Microsoft.Extensions.Configuration;

namespace Mash.Timeliness.Tests.Timing;

/// <summary>The service's own appsettings.json: Walsall's targets and England and Wales's bank holidays 2025–2027.</summary>
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
        var targets = Deadlines.From(Shipped).Targets;

        Assert.Equal(new Target.Elapsed(TimeSpan.FromHours(4)), targets[Rag.Red]);
        Assert.Equal(new Target.Elapsed(TimeSpan.FromHours(24)), targets[Rag.Amber]);
        Assert.Equal(new Target.WorkingDays(5), targets[Rag.Green]);
    }

    [Fact]
    public void Working_days_are_england_s() => Assert.Equal("Europe/London", Shipped.TimeZone);

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Each_year_has_england_and_wales_s_eight_bank_holidays(int year) =>
        Assert.Equal(8, Shipped.BankHolidays.Count(d => d.Year == year));

    [Fact]
    public void No_bank_holiday_falls_on_a_weekend() =>
        Assert.DoesNotContain(Shipped.BankHolidays, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

    [Fact]
    public void Substitute_days_are_listed() =>
        Assert.Subset(Shipped.BankHolidays.ToHashSet(), new HashSet<DateOnly> { new(2026, 12, 28), new(2027, 12, 27), new(2027, 12, 28) });
}
