using Mash.Quality.Definitions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Mash.Quality.Tests.Definitions.IndicatorFiles;

namespace Mash.Quality.Tests.Definitions;

/// <summary>The service's start-up with the partnership's indicator file (Quality:IndicatorFile).</summary>
public sealed class IndicatorStartupTests
{
    private static IHost Host(string? indicatorFile)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        if (indicatorFile is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Quality:IndicatorFile"] = indicatorFile });
        }
        return builder.AddIndicatorCatalogue().Build();
    }

    [Fact]
    public async Task A_host_starts_with_the_shipped_file()
    {
        using var host = Host(null);
        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task A_host_refuses_to_start_with_a_wrong_file_naming_the_indicator_and_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"indicators-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, With(Indicator("T1", fields: "\"thresholds\": { \"green\": 60, \"red\": 80 }")));
        try
        {
            using var host = Host(path);
            var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.Contains("indicators['T1'].thresholds", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
