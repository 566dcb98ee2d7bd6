using Mash.Intake.Repeats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mash.Intake.Tests.Repeats;

public sealed class RepeatOptionsTests
{
    [Fact]
    public void Unset_it_looks_back_twelve_months_and_keeps_fifty()
    {
        var finder = FinderFrom([]);

        Assert.Equal((RepeatWindow.TwelveMonths, 50), (finder.Window, finder.Limit));
    }

    [Fact]
    public void The_window_and_limit_come_from_configuration()
    {
        var finder = FinderFrom(new() { ["Intake:RepeatWindow"] = "6 months", ["Intake:RepeatLimit"] = "10" });

        Assert.Equal((new RepeatWindow(6, 0), 10), (finder.Window, finder.Limit));
    }

    [Theory]
    [InlineData("Intake:RepeatWindow", "a year")]
    [InlineData("Intake:RepeatLimit", "0")]
    [InlineData("Intake:RepeatLimit", "1001")]
    public void An_unusable_setting_is_refused(string key, string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => FinderFrom(new() { [key] = value }));

        Assert.Contains(RepeatOptions.Requirement, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_settings_are_the_seed_values()
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false).Build();

        Assert.Equal(("12 months", "50"), (shipped["Intake:RepeatWindow"], shipped["Intake:RepeatLimit"]));
    }

    private static RepeatFinder FinderFrom(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddRepeatDetection(configuration).BuildServiceProvider();
        return services.GetRequiredService<RepeatFinder>();
    }
}
