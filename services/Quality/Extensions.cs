using Mash.Quality.Consumers;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mash.Quality;

public static class Extensions
{
    /// <summary>Quality's database, the consumers that gather the indicators' facts, and the scorecard.</summary>
    public static TBuilder AddQuality<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDatabaseMigrations([.. Migration.FromEmbeddedResources(typeof(Extensions).Assembly), EventInbox.Migration]);
        builder.AddMashBus(bus =>
        {
            bus.AddConsumer<ContactReceivedConsumer>();
            bus.AddConsumer<ContactRatedConsumer>();
            bus.AddConsumer<OutcomeRecordedConsumer>();
            bus.AddConsumer<DecisionTimedConsumer>();
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FactStore>();
        builder.Services.AddSingleton<FactReader>();
        return builder;
    }
}
