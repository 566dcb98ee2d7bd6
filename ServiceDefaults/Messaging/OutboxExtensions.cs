using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mash.ServiceDefaults;

public static class OutboxExtensions
{
    /// <summary>
    /// The transactional outbox (<see cref="EventOutbox"/>) and its dispatcher. Needs the bus
    /// (<c>AddMashBus</c>) and <see cref="EventOutbox.Migration"/> among the service's migrations.
    /// </summary>
    public static TBuilder AddEventOutbox<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton<EventOutbox>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }
}
