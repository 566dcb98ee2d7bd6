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

    /// <summary>
    /// Connections of the service's PostgreSQL pool its consumers may hold together, shared evenly
    /// by its receive endpoints. Default: half of what the pool spares beside the outbox and health
    /// checks (<see cref="ConsumerBudget"/>); the other half serves gRPC calls.
    /// </summary>
    public int? ConsumerConnections { get; set; }

    /// <summary>Messages each receive endpoint handles at once. Default: its share of <see cref="ConsumerConnections"/>.</summary>
    public int? ConcurrentMessageLimit { get; set; }

    /// <summary>Messages RabbitMQ hands each receive endpoint ahead of acknowledgement. Default: twice <see cref="ConcurrentMessageLimit"/>; the rest wait in the queue.</summary>
    public int? PrefetchCount { get; set; }

    /// <summary>Retries in process of a message that failed for any reason but an outage (a poison message), before it goes to the <c>_error</c> queue.</summary>
    public int RetryLimit { get; set; } = 5;

    /// <summary>
    /// Wait before the first retry; each next retry of a poison message waits <see cref="RetryIncrement"/>
    /// longer, and each next retry during an outage about <see cref="RetryIncrement"/> × 2ⁿ longer, with jitter.
    /// </summary>
    public TimeSpan RetryInitialInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <inheritdoc cref="RetryInitialInterval"/>
    public TimeSpan RetryIncrement { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Retries in process of a message that failed because PostgreSQL or RabbitMQ is unavailable
    /// (<see cref="ConsumerRetries.IsOutage"/>): with <see cref="OutageRetryMaxInterval"/>, about an
    /// hour, so an outage never sends a message to <c>_error</c>.
    /// </summary>
    public int OutageRetryLimit { get; set; } = 360;

    /// <summary>The longest wait between two retries during an outage: how soon after the dependency is back an endpoint resumes, at most.</summary>
    public TimeSpan OutageRetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest wait between two attempts of a receive endpoint (or a publisher) to connect to
    /// RabbitMQ again after losing it: how soon after the broker is back the service consumes, at
    /// most (<see cref="ReceiveTransportRetry"/>). Attempts start 1 s apart, with jitter.
    /// </summary>
    public TimeSpan ReconnectMaxInterval { get; set; } = TimeSpan.FromSeconds(2);
}

public static class BusExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ at <c>ConnectionStrings:{connectionName}</c>
    /// (<c>amqp://user:pass@host:port[/vhost]</c>): queues named by convention in kebab-case with
    /// the service's prefix, each endpoint taking only as many messages at once as the service's
    /// PostgreSQL pool can serve (<see cref="ConsumerBudget"/>), retries with back-off and jitter
    /// that wait out an outage and send only a poison message to the <c>_error</c> queue
    /// (<see cref="ConsumerRetries"/>), a readiness check ("masstransit-bus"), and protobuf messages carried as canonical protobuf
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

        // Before MassTransit's hosted service, which starts the bus: hosted services start in order.
        builder.Services.AddHostedService(services => new ReceiveTransportRetry(services, options.ReconnectMaxInterval));
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false));
            // MassTransit 8.5 reports usage to usage-tracking.masstransit.io at start: a service
            // holding safeguarding data calls nobody it need not, and offline it warned at every start.
            bus.DisableUsageTelemetry();
            configureBus?.Invoke(bus);

            // MassTransit keeps one registration per consumer in the service collection, and
            // ConfigureEndpoints gives each consumer an endpoint of its own.
            var budget = ConsumerBudget.For(options, PostgresPoolOptions.Read(builder.Configuration).MaxPoolSize,
                builder.Services.Count(d => d.ServiceType == typeof(MassTransit.Configuration.IConsumerRegistration)));
            builder.Services.AddSingleton(budget);
            // Each message is a batch of events applied on one connection: an endpoint takes as many at
            // once as its share of the pool.
            bus.AddConfigureEndpointsCallback((_, endpoint) =>
            {
                endpoint.ConcurrentMessageLimit = Math.Min(endpoint.ConcurrentMessageLimit ?? budget.ConcurrentMessageLimit, budget.ConcurrentMessageLimit);
                endpoint.PrefetchCount = budget.PrefetchCount;
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(host.Host, host.Port, host.VirtualHost, h =>
                {
                    h.Username(host.Username);
                    h.Password(host.Password);
                });
                rabbit.PrefetchCount = budget.PrefetchCount;
                rabbit.ConfigureJsonSerializerOptions(ProtobufJsonConverterFactory.AddTo);
                rabbit.PublishTopology.ConnectPublishTopologyConfigurationObserver(new ProtobufPublishTopology());

                // Retries happen in memory on the consuming replica; a poison message that still
                // fails is moved, with its exception headers, to <queue>_error (MassTransit's
                // default) for an operator to inspect and move back.
                rabbit.UseConsumerRetries(options);
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
