using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mash.ServiceDefaults;

/// <summary>Settings under <c>ServiceDefaults:Bus</c>.</summary>
public sealed class MashBusOptions
{
    /// <summary>
    /// Put before every queue name, so two services consuming the same event each get their own
    /// queue (and every message), while replicas of one service share it. Default: the application
    /// name ("Mash.Timeliness" gives queues like <c>mash.timeliness-deadline-approaching</c>).
    /// </summary>
    public string? EndpointPrefix { get; set; }

    /// <summary>Messages RabbitMQ hands each consumer ahead of acknowledgement; 256 roughly triples throughput over MassTransit's default here.</summary>
    public int PrefetchCount { get; set; } = 256;

    /// <summary>Redeliveries in process after the first attempt fails, before the message goes to the <c>_error</c> queue.</summary>
    public int RetryLimit { get; set; } = 5;

    /// <summary>Wait before the first retry; each next one waits <see cref="RetryIncrement"/> longer.</summary>
    public TimeSpan RetryInitialInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <inheritdoc cref="RetryInitialInterval"/>
    public TimeSpan RetryIncrement { get; set; } = TimeSpan.FromMilliseconds(500);
}

public static class BusExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ at <c>ConnectionStrings:{connectionName}</c>
    /// (<c>amqp://user:pass@host:port[/vhost]</c>): queues named by convention in kebab-case with
    /// the service's prefix, incremental retry then the <c>_error</c> queue, prefetch 256, a
    /// readiness check ("masstransit-bus"), and protobuf messages carried as canonical protobuf
    /// JSON (see <see cref="ProtobufJsonConverterFactory"/>). If the service has schema
    /// migrations, consumers wait for them before taking a message.
    /// <code>builder.AddMashBus(bus => bus.AddConsumer&lt;ContactReceivedConsumer&gt;());</code>
    /// Publish with <c>IPublishEndpoint</c>, consume with <c>IConsumer&lt;T&gt;</c>.
    /// </summary>
    public static TBuilder AddMashBus<TBuilder>(
        this TBuilder builder,
        Action<IBusRegistrationConfigurator>? configureBus = null,
        Action<MashBusOptions>? configureOptions = null,
        string connectionName = "rabbitmq")
        where TBuilder : IHostApplicationBuilder
    {
        var host = RabbitMqAddress.Parse(builder.Configuration.GetRequiredConnectionString(connectionName));
        var options = new MashBusOptions();
        builder.Configuration.GetSection("ServiceDefaults:Bus").Bind(options);
        configureOptions?.Invoke(options);
        var prefix = string.IsNullOrWhiteSpace(options.EndpointPrefix) ? builder.Environment.ApplicationName : options.EndpointPrefix;

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false));
            // MassTransit 8.5 reports usage to usage-tracking.masstransit.io at start: a service
            // holding safeguarding data calls nobody it need not, and offline it warned at every start.
            bus.DisableUsageTelemetry();
            configureBus?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(host.Host, host.Port, host.VirtualHost, h =>
                {
                    h.Username(host.Username);
                    h.Password(host.Password);
                });
                rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.ConfigureJsonSerializerOptions(ProtobufJsonConverterFactory.AddTo);
                rabbit.PublishTopology.ConnectPublishTopologyConfigurationObserver(new ProtobufPublishTopology());

                // Retries happen in memory on the consuming replica; a message that still fails is
                // moved, with its exception headers, to <queue>_error (MassTransit's default) for
                // an operator to inspect and move back.
                rabbit.UseMessageRetry(retry => retry.Incremental(options.RetryLimit, options.RetryInitialInterval, options.RetryIncrement));
                if (context.GetService<DatabaseMigrationStatus>() is not null)
                {
                    rabbit.UseConsumeFilter(typeof(AwaitDatabaseMigrationsFilter<>), context);
                }
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            // The host starts (and reports unready) while RabbitMQ is still coming up; the bus
            // connects in the background and its health check turns green when it has.
            host.WaitUntilStarted = false;
        });
        return builder;
    }
}
