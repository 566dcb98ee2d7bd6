using System.Collections.Concurrent;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Mash.Intake.Reliability.Tests.Infrastructure;

/// <summary>One delivery of ContactReceived to the downstream consumer (redeliveries included).</summary>
public sealed record Delivery(string EventId, string ContactId);

/// <summary>
/// A downstream service as Triage is one: a MassTransit consumer of ContactReceived on a queue of
/// its own (bound before Intake publishes anything), which records every delivery and applies
/// each event through the inbox (<see cref="EventInbox.ApplyOnceAsync"/>) into a database of its
/// own, one <c>applied_contacts</c> row per applied event, through a pool of
/// <see cref="PoolSize"/> connections as a service's is bounded. PostgreSQL being down makes
/// applying fail; the bus's shipped retries wait the outage out (an outage never sends a message
/// to <c>_error</c>).
/// </summary>
public sealed class Downstream : IAsyncDisposable
{
    public const string ConsumerName = "reliability-downstream";

    /// <summary>The consumer's pool, as small as a service's budget allows: its one endpoint takes one message at a time.</summary>
    public const int PoolSize = 4;

    private readonly IHost host;

    private Downstream(IHost host, NpgsqlDataSource dataSource, string queue)
    {
        this.host = host;
        DataSource = dataSource;
        Queue = queue;
    }

    public DeliveryLog Deliveries => host.Services.GetRequiredService<DeliveryLog>();
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The consumer's RabbitMQ queue.</summary>
    public string Queue { get; }

    public static async Task<Downstream> StartAsync(ReliabilityFixture fixture, TimeSpan timeout)
    {
        // A pool whose wait is short, so a message that had to wait for a connection would fail.
        var dataSource = NpgsqlDataSource.Create(fixture.Postgres.ConnectionString(await fixture.Postgres.CreateDatabaseAsync("downstream")) + $";Maximum Pool Size={PoolSize};Timeout=1");
        await using (var schema = dataSource.CreateCommand(EventInbox.Migration.Sql + "CREATE TABLE applied_contacts (contact_id text NOT NULL, event_id text NOT NULL);"))
        {
            await schema.ExecuteNonQueryAsync();
        }
        var prefix = $"reliability-{Guid.NewGuid():N}"[..24];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = fixture.RabbitMq.ConnectionString,
            ["ServiceDefaults:Bus:EndpointPrefix"] = prefix,
            ["ServiceDefaults:Postgres:MaxPoolSize"] = PoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton<DeliveryLog>();
        // The shipped retries and consumer budget, as every service has them.
        builder.AddMashBus(bus => bus.AddConsumer<ContactReceivedConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        var queue = new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false).Consumer<ContactReceivedConsumer>();
        var downstream = new Downstream(host, dataSource, queue);
        // Healthy means the receive endpoint is up, so its queue is bound to ContactReceived's exchange.
        var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, timeout);
        if (health != BusHealthStatus.Healthy)
        {
            await downstream.DisposeAsync();
            throw new TimeoutException($"The downstream bus was {health}, not Healthy, after {timeout.TotalSeconds:0} s.");
        }
        return downstream;
    }

    /// <summary>How many <c>applied_contacts</c> rows each contact has.</summary>
    public async Task<IReadOnlyDictionary<string, long>> AppliedAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT contact_id, count(*) FROM applied_contacts GROUP BY contact_id");
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            applied[reader.GetString(0)] = reader.GetInt64(1);
        }
        return applied;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            host.Dispose();
            await DataSource.DisposeAsync();
        }
    }
}

/// <summary>Every delivery the consumer got, in arrival order.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentQueue<Delivery> deliveries = new();

    public void Add(Delivery delivery) => deliveries.Enqueue(delivery);

    public IReadOnlyList<Delivery> Snapshot() => [.. deliveries];
}

/// <summary>Applies each event of a batch once (the inbox rows and the effect commit together), then records the deliveries.</summary>
public sealed class ContactReceivedConsumer(DeliveryLog log, NpgsqlDataSource dataSource) : IConsumer<EventBatch<ContactReceived>>
{
    public async Task Consume(ConsumeContext<EventBatch<ContactReceived>> context)
    {
        await context.ApplyOnceAsync(dataSource, Downstream.ConsumerName, contact => (contact.EventId, contact), async (transaction, fresh, cancellationToken) =>
        {
            await using var insert = new NpgsqlCommand("INSERT INTO applied_contacts (contact_id, event_id) SELECT * FROM unnest($1::text[], $2::text[])", transaction.Connection, transaction);
            insert.Parameters.Add(new() { Value = fresh.Select(c => c.ContactId).ToArray() });
            insert.Parameters.Add(new() { Value = fresh.Select(c => c.EventId).ToArray() });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        });
        // Once consumed (a redelivery too, applied or not), not per in-memory retry.
        foreach (var contact in context.Message.Events)
        {
            log.Add(new Delivery(contact.EventId, contact.ContactId));
        }
    }
}
