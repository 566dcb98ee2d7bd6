using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mash.ServiceDefaults;

public static class OutboxExtensions
{
    /// <summary>
    /// The transactional outbox (<see cref="EventOutbox"/>) and its dispatcher, with
    /// <see cref="OutboxOptions"/> from <c>ServiceDefaults:Outbox</c>. Needs the bus
    /// (<c>AddMashBus</c>) and <see cref="EventOutbox.Migration"/> among the service's migrations.
    /// </summary>
    public static TBuilder AddEventOutbox<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<OutboxOptions>()
            .Bind(builder.Configuration.GetSection(OutboxOptions.SectionName))
            .Validate(options => options.IsUsable, OutboxOptions.Requirement)
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EventOutbox>();
        if (builder.Configuration.GetConnectionString(OperationsMonitor.BusConnectionName) is { Length: > 0 } broker)
        {
            builder.Services.AddSingleton(services =>
            {
                var options = services.GetRequiredService<IOptions<OutboxOptions>>().Value;
                return new DownstreamQueues(broker, $"{builder.Environment.ApplicationName} outbox pacing", options.PaceQueues, options.MaxQueuedBatches,
                    OutboxDispatcher.PaceInterval, services.GetRequiredService<TimeProvider>());
            });
        }
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }
}
