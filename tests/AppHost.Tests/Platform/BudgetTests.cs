using System.Globalization;
using Mash.AppHost.Servers;
using Mash.AppHost.Services;
using Mash.AppHost.Tests.Support;
using Npgsql;

namespace Mash.AppHost.Tests.Platform;

/// <summary>
/// The connection budget as the AppHost runs it: each service is given its pool, and PostgreSQL
/// accepts every pool together plus the AppHost's own and headroom for operators; and the other
/// setting it is started with, a short checkpoint_timeout.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BudgetTests(PlatformFixture fixture)
{
    private RunningPlatform Platform => fixture.Platform;

    private PostgresConnectionBudget Budget =>
        Platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<PostgresServerResource>().Single().ConnectionBudget;

    [Fact]
    public void Every_service_is_given_the_pool_the_budget_counts()
    {
        var given = RunningPlatform.Services.ToDictionary(service => service, service =>
            int.Parse(Environment(service)[ServiceBuilderExtensions.MaxPoolSizeVariable], CultureInfo.InvariantCulture));

        Assert.Equal(given.OrderBy(p => p.Key), Budget.Pools.OrderBy(p => p.Key));
        Assert.All(given.Values, pool => Assert.InRange(pool, 3, 100));
    }

    [Fact]
    public async Task PostgreSQL_accepts_every_pool_together_with_headroom_for_the_AppHost_and_operators()
    {
        var budget = Budget;
        await using var connection = new NpgsqlConnection(await Platform.App.GetConnectionStringAsync("postgres") + ";Database=postgres;Pooling=false");
        await connection.OpenAsync();
        var maxConnections = await SettingAsync(connection, "max_connections");
        var superuserReserved = await SettingAsync(connection, "superuser_reserved_connections");

        Assert.Equal(budget.MaxConnections, maxConnections);
        Assert.Equal(PostgresConnectionBudget.SuperuserReserved, superuserReserved);
        // What is left once every service's pool and the AppHost's checks are full: the reserved
        // slots and at least a few for psql.
        Assert.True(maxConnections - budget.ForServices - budget.ForAppHost - superuserReserved >= PostgresConnectionBudget.ForOperators,
            $"max_connections {maxConnections} leaves too little beside pools of {budget.ForServices} and the AppHost's {budget.ForAppHost}");
    }

    [Fact]
    public async Task PostgreSQL_checkpoints_often_so_crash_recovery_replays_little()
    {
        await using var connection = new NpgsqlConnection(await Platform.App.GetConnectionStringAsync("postgres") + ";Database=postgres;Pooling=false");
        await connection.OpenAsync();

        // pg_settings gives it in seconds.
        Assert.Equal(PostgresBuilderExtensions.CheckpointTimeoutSeconds, await SettingAsync(connection, "checkpoint_timeout"));
    }

    [Fact]
    public async Task No_service_holds_more_connections_than_its_pool()
    {
        var budget = Budget;
        await using var connection = new NpgsqlConnection(await Platform.App.GetConnectionStringAsync("postgres") + ";Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname, count(*) FROM pg_stat_activity WHERE datname IS NOT NULL GROUP BY datname", connection);
        var held = new Dictionary<string, long>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                held[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        // Each service's database is its own (intake -> intakedb); the AppHost's check adds one.
        Assert.All(budget.Pools, pool => Assert.InRange(held.GetValueOrDefault(pool.Key + "db"), 0, pool.Value + 1));
        Assert.True(held.Values.Sum() < budget.MaxConnections);
    }

    [Fact]
    public async Task Intake_is_paced_by_queues_that_exist_each_with_its_consumer()
    {
        var paced = Environment("intake").Where(v => v.Key.StartsWith("ServiceDefaults__Outbox__PaceQueues__", StringComparison.Ordinal)).Select(v => v.Value).ToList();
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri((await Platform.App.GetConnectionStringAsync("rabbitmq"))!) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        // A queue named wrong would never be waited for (a missing queue counts as nobody consuming).
        Assert.Equal(4, paced.Count);
        // A consumer is briefly absent while MassTransit restarts its endpoint (after a channel
        // error, or a service restarted by another test): each is given a minute to be there.
        foreach (var queue in paced)
        {
            var deadline = DateTime.UtcNow.AddMinutes(1);
            uint consumers;
            while ((consumers = (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount) == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
            Assert.True(consumers >= 1, $"{queue} has had no consumer for a minute");
        }
    }

    private static async Task<int> SettingAsync(NpgsqlConnection connection, string name)
    {
        await using var command = new NpgsqlCommand("SELECT setting::int FROM pg_settings WHERE name = $1", connection) { Parameters = { new() { Value = name } } };
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private Dictionary<string, string> Environment(string resource) =>
        Platform.Snapshot(resource).EnvironmentVariables
            .Where(variable => variable.IsFromSpec && variable.Value is not null)
            .ToDictionary(variable => variable.Name, variable => variable.Value!);
}
