using Mash.AppHost.Tests.Support;
using Npgsql;
using StackExchange.Redis;

namespace Mash.AppHost.Tests.Platform;

/// <summary>The servers alone (the services left out of the model), started twice in one state directory.</summary>
public sealed class ServerStateTests
{
    [Fact]
    public async Task Data_survives_an_AppHost_restart_and_stopping_leaves_nothing_running()
    {
        var stateDirectory = RunningPlatform.NewStateDirectory();
        try
        {
            var first = await RunningPlatform.StartAsync(stateDirectory, serversOnly: true);
            var processes = new[] { "postgres", "redis", "rabbitmq", "rabbitmq-epmd" }.Select(first.ProcessId).ToList();
            try
            {
                await ExecuteAsync(await first.App.GetConnectionStringAsync("intakedb"), "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before restart')");
                await using var redis = await ConnectionMultiplexer.ConnectAsync((await first.App.GetConnectionStringAsync("redis"))!);
                await redis.GetDatabase().StringSetAsync("kept", "before restart");
            }
            finally
            {
                await first.StopAsync();
                await first.DisposeAsync();
            }

            // The orchestrator stops each server (SIGTERM: PostgreSQL, Redis and RabbitMQ shut down cleanly) and what it started goes with it.
            await WaitUntilAsync(() => processes.All(pid => !ProcessTree.IsAlive(pid)) && ProcessTree.RunningUnder(stateDirectory).Count == 0, TimeSpan.FromSeconds(60));
            Assert.Empty(ProcessTree.RunningUnder(stateDirectory));
            // Shut down, not crashed: the next start has no WAL to replay.
            Assert.Equal("shut down", await ClusterStateAsync(Path.Combine(stateDirectory, "postgres", "data")));

            await using var second = await RunningPlatform.StartAsync(stateDirectory, serversOnly: true);
            Assert.Equal("before restart", await QueryAsync(await second.App.GetConnectionStringAsync("intakedb"), "SELECT note FROM kept"));
            await using var redisAgain = await ConnectionMultiplexer.ConnectAsync((await second.App.GetConnectionStringAsync("redis"))!);
            Assert.Equal("before restart", (string?)await redisAgain.GetDatabase().StringGetAsync("kept"));
        }
        finally
        {
            PlatformFixture.TryDelete(stateDirectory);
        }
    }

    private static async Task ExecuteAsync(string? connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> QueryAsync(string? connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>"Database cluster state" as pg_controldata reads it from the data directory.</summary>
    private static async Task<string> ClusterStateAsync(string dataDirectory)
    {
        var tool = Directory.GetFiles("/usr/lib/postgresql", "pg_controldata", SearchOption.AllDirectories).Order().Last();
        var start = new System.Diagnostics.ProcessStartInfo(tool, [dataDirectory]) { RedirectStandardOutput = true, Environment = { ["LC_ALL"] = "C" } };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\n').Single(line => line.StartsWith("Database cluster state:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(250);
        }
    }
}
