using System.Globalization;
using Mash.ServiceDefaults.Tests.Events;
using Mash.ServiceDefaults.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>
/// Consumers bounded by the service's PostgreSQL pool: each receive endpoint takes only its share
/// of the pool's connections at once, so a flood of messages waits in RabbitMQ instead of failing
/// for want of a connection; and an outage is retried past the poison-message limit, never to <c>_error</c>.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ConsumerBudgetTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [InlineData(20, 3, 9, 3, 6)]
    [InlineData(16, 4, 7, 1, 2)]
    [InlineData(24, 1, 11, 11, 22)]
    [InlineData(4, 2, 1, 1, 2)]
    public void An_endpoint_takes_its_share_of_half_the_connections_the_pool_spares(int pool, int endpoints, int consumerConnections, int limit, int prefetch)
    {
        var budget = ConsumerBudget.For(new MashBusOptions(), pool, endpoints);

        Assert.Equal(new ConsumerBudget(pool, consumerConnections, endpoints, limit, prefetch), budget);
        Assert.True(budget.MostConsumerConnections <= pool - PostgresPoolOptions.BackgroundConnections);
    }

    [Fact]
    public void Settings_override_the_shares_within_what_the_pool_spares()
    {
        var budget = ConsumerBudget.For(new MashBusOptions { ConcurrentMessageLimit = 4, PrefetchCount = 16 }, 20, 3);

        Assert.Equal((4, 16), (budget.ConcurrentMessageLimit, budget.PrefetchCount));
    }

    [Fact]
    public void Endpoints_that_could_take_more_connections_than_the_pool_spares_stop_the_service_at_start()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => ConsumerBudget.For(new MashBusOptions { ConcurrentMessageLimit = 5 }, 12, 3));

        Assert.Contains("ServiceDefaults:Postgres:MaxPoolSize", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_messages_larger_than_the_pool_waits_its_turn_and_none_fails_or_goes_to_error()
    {
        const int messages = 40;
        var prefix = $"sdtests-flood-{Guid.NewGuid():N}"[..24];
        var database = infrastructure.Postgres.ConnectionString(await infrastructure.Postgres.CreateDatabaseAsync("flood"));
        await using (var schema = NpgsqlDataSource.Create(database))
        {
            await using var create = schema.CreateCommand("CREATE TABLE applied (consumer text NOT NULL, contact_id text NOT NULL, PRIMARY KEY (consumer, contact_id))");
            await create.ExecuteNonQueryAsync();
        }
        var log = new FloodLog();
        await using var service = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
            ["ConnectionStrings:postgres"] = database,
            ["ServiceDefaults:Bus:EndpointPrefix"] = prefix,
            // A pool of 4 spares 2 beside the outbox and health checks: 1 for consumers, so 1 message
            // at a time for each of the 2 endpoints; a message that had to wait a second for a
            // connection would fail.
            ["ServiceDefaults:Postgres:MaxPoolSize"] = "4",
            ["ServiceDefaults:Postgres:ConnectionTimeout"] = "00:00:01",
        }, b =>
        {
            b.Services.AddSingleton(log);
            b.AddServiceDatabase();
            b.AddMashBus(bus =>
            {
                bus.AddConsumer<FirstFloodConsumer>();
                bus.AddConsumer<SecondFloodConsumer>();
            });
        });
        await service.WaitUntilHealthyAsync();
        var budget = service.Services.GetRequiredService<ConsumerBudget>();

        var bus = service.Services.GetRequiredService<IBus>();
        var sent = Enumerable.Range(0, messages).Select(_ => BusTests.SampleEvent()).ToList();
        await Task.WhenAll(sent.Select(message => bus.Publish(message)));
        await ServiceHost.WaitUntilAsync(async () => await AppliedAsync(database) == 2 * messages);
        var errorQueues = await ErrorQueuesAsync(prefix);

        Assert.Equal(new ConsumerBudget(4, 1, 2, 1, 2), budget);
        Assert.Equal(2 * messages, log.Attempts); // each message consumed once by each endpoint, at the first attempt
        Assert.InRange(log.MostAtOnce, 1, budget.MostConsumerConnections);
        Assert.Empty(errorQueues);
    }

    [Fact]
    public async Task A_database_outage_is_retried_past_the_poison_retry_limit_and_nothing_goes_to_error()
    {
        var prefix = $"sdtests-outage-{Guid.NewGuid():N}"[..24];
        var outage = new OutageConsumerState(failures: 6);
        await using var service = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
            ["ServiceDefaults:Bus:EndpointPrefix"] = prefix,
            ["ServiceDefaults:Bus:RetryLimit"] = "1",
            ["ServiceDefaults:Bus:RetryInitialInterval"] = "00:00:00.010",
            ["ServiceDefaults:Bus:RetryIncrement"] = "00:00:00.010",
            ["ServiceDefaults:Bus:OutageRetryMaxInterval"] = "00:00:00.100",
        }, b =>
        {
            b.Services.AddSingleton(outage);
            b.AddMashBus(bus => bus.AddConsumer<OutageConsumer>());
        });
        await service.WaitUntilHealthyAsync();

        await service.Services.GetRequiredService<IBus>().Publish(BusTests.SampleEvent());
        await outage.Consumed.Task.WaitAsync(ServiceHost.HangGuard);
        var errorQueues = await ErrorQueuesAsync(prefix);

        Assert.Equal(7, outage.Attempts); // six failures, each retried, then success: more than the one retry a poison message gets
        Assert.Empty(errorQueues);
    }

    [Fact]
    public void An_outage_is_a_failure_of_a_dependency_and_nothing_else_is()
    {
        Assert.True(ConsumerRetries.IsOutage(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())));
        Assert.True(ConsumerRetries.IsOutage(new InvalidOperationException("wrapped", new NpgsqlException("Exception while connecting", new System.Net.Sockets.SocketException(111)))));
        Assert.True(ConsumerRetries.IsOutage(new PostgresException("the database system is shutting down", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)));
        Assert.False(ConsumerRetries.IsOutage(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(ConsumerRetries.IsOutage(new InvalidOperationException("Failing on purpose.")));
        Assert.False(ConsumerRetries.IsOutage(new OperationCanceledException()));
    }

    private static async Task<long> AppliedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database + ";Pooling=false");
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM applied", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>The <c>_error</c> queues of endpoints named with <paramref name="prefix"/> that hold a message.</summary>
    private async Task<IReadOnlyList<string>> ErrorQueuesAsync(string prefix)
    {
        var listing = await infrastructure.RabbitMq.CtlAsync("list_queues", "--quiet", "--no-table-headers", "name", "messages");
        return [.. listing.Split('\n').Select(line => line.Split('\t')).Where(f => f.Length == 2
            && f[0].StartsWith(prefix, StringComparison.Ordinal) && f[0].EndsWith("_error", StringComparison.Ordinal)
            && long.Parse(f[1].Trim(), CultureInfo.InvariantCulture) > 0).Select(f => f[0])];
    }
}

/// <summary>Every attempt the flood consumers made, and the most that held a connection at once.</summary>
public sealed class FloodLog
{
    private int attempts;
    private int atOnce;
    private int mostAtOnce;

    public int Attempts => Volatile.Read(ref attempts);
    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    public async Task ApplyAsync(NpgsqlDataSource dataSource, string consumer, ContactRated message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        var now = Interlocked.Increment(ref atOnce);
        int most;
        while (now > (most = Volatile.Read(ref mostAtOnce)) && Interlocked.CompareExchange(ref mostAtOnce, now, most) != most)
        {
        }
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            // Holds the connection a while, as a consumer's transaction does under load.
            await using (var work = new NpgsqlCommand("SELECT pg_sleep(0.1)", connection))
            {
                await work.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var apply = new NpgsqlCommand("INSERT INTO applied (consumer, contact_id) VALUES ($1, $2)", connection);
            apply.Parameters.Add(new() { Value = consumer });
            apply.Parameters.Add(new() { Value = message.ContactId });
            await apply.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref atOnce);
        }
    }
}

public sealed class FirstFloodConsumer(FloodLog log, NpgsqlDataSource dataSource) : IConsumer<ContactRated>
{
    public Task Consume(ConsumeContext<ContactRated> context) => log.ApplyAsync(dataSource, "first", context.Message, context.CancellationToken);
}

public sealed class SecondFloodConsumer(FloodLog log, NpgsqlDataSource dataSource) : IConsumer<ContactRated>
{
    public Task Consume(ConsumeContext<ContactRated> context) => log.ApplyAsync(dataSource, "second", context.Message, context.CancellationToken);
}

public sealed class OutageConsumerState(int failures)
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    public TaskCompletionSource Consumed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Fails as an exhausted pool does for the first <c>failures</c> attempts.</summary>
    public void Attempt()
    {
        if (Interlocked.Increment(ref attempts) <= failures)
        {
            throw new NpgsqlException("The connection pool has been exhausted", new TimeoutException());
        }
        Consumed.TrySetResult();
    }
}

public sealed class OutageConsumer(OutageConsumerState state) : IConsumer<ContactRated>
{
    public Task Consume(ConsumeContext<ContactRated> context)
    {
        state.Attempt();
        return Task.CompletedTask;
    }
}
