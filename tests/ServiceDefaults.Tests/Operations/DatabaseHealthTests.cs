using System.Net;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Mash.Testing.Servers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Mash.ServiceDefaults.Tests.Operations;

/// <summary>
/// The database's health as operators see it, against a real PostgreSQL: sampled in the background,
/// so a saturated pool makes the service Degraded (still serving, /health 200) rather than a probe
/// that waits behind the requests and reports 503; a database that has gone makes it Unhealthy.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DatabaseHealthTests(InfrastructureFixture infrastructure)
{
    private const string PostgresCheck = "PostgreSql";

    private static Dictionary<string, string?> Sampling(string connectionString) => new()
    {
        ["ConnectionStrings:postgres"] = connectionString,
        ["ServiceDefaults:Health:SampleInterval"] = "00:00:00.100",
        ["ServiceDefaults:Health:ProbeTimeout"] = "00:00:00.500",
    };

    [Fact]
    public async Task A_pool_with_requests_waiting_for_a_connection_is_degraded_and_the_service_still_serving()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("saturated");
        await using var host = await ServiceHost.StartAsync(
            // A small pool, and a wait for a connection long enough to outlast the test.
            Sampling(infrastructure.Postgres.ConnectionString(database) + ";Maximum Pool Size=3;Timeout=60"),
            b => b.AddServiceDatabase());
        var healthy = await host.WaitUntilHealthyAsync();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var max = ConnectionPoolWatch.Read(dataSource)!.Max;

        // Every connection the pool may open is held, and one more request waits for one.
        var held = new List<NpgsqlConnection>();
        for (var i = 0; i < max; i++)
        {
            held.Add(await dataSource.OpenConnectionAsync());
        }
        var waiting = dataSource.OpenConnectionAsync().AsTask();
        var saturated = await host.WaitForHealthAsync(h => h.CheckStatus(PostgresCheck) == "Degraded");
        var grpcWhileSaturated = await host.CheckGrpcHealthAsync();
        var usage = ConnectionPoolWatch.Read(dataSource)!;

        foreach (var connection in held)
        {
            await connection.DisposeAsync();
        }
        await (await waiting).DisposeAsync();
        var recovered = await host.WaitForHealthAsync(h => h.CheckStatus(PostgresCheck) == "Healthy");

        Assert.Equal("Healthy", healthy.CheckStatus(PostgresCheck));
        Assert.Equal($"0 of {max} connections in use", healthy.Description(PostgresCheck));
        Assert.Equal(HttpStatusCode.OK, saturated.Status);
        Assert.Equal("Degraded", saturated.Json.GetProperty("status").GetString());
        Assert.StartsWith("pool saturated: ", saturated.Description(PostgresCheck), StringComparison.Ordinal);
        Assert.Contains($"{max} of {max} in use", saturated.Description(PostgresCheck), StringComparison.Ordinal);
        Assert.Equal(ServingStatus.Serving, grpcWhileSaturated);
        Assert.Equal(max, usage.Used);
        Assert.True(usage.Waiting >= 1, $"waiting: {usage.Waiting}");
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        Assert.Equal("Healthy", recovered.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_database_that_goes_away_makes_the_service_unhealthy_within_a_sample()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("gone");
        // Disposed by the test itself (a second dispose would throw), which is what takes the server away.
        var gate = new TcpForwarder(infrastructure.Postgres.Port);
        gate.Start();
        await using var host = await ServiceHost.StartAsync(
            Sampling(infrastructure.Postgres.ConnectionString(database, gate.Port)),
            b => b.AddServiceDatabase());
        var before = await host.WaitUntilHealthyAsync();

        // Connections through the gate are cut and new ones refused; the pool still holds idle ones.
        await gate.DisposeAsync();
        var after = await host.WaitForHealthAsync(h => h.Status != HttpStatusCode.OK);

        Assert.Equal("Healthy", before.CheckStatus(PostgresCheck));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.Status);
        Assert.Equal("Unhealthy", after.CheckStatus(PostgresCheck));
        Assert.Equal(ServingStatus.NotServing, await host.CheckGrpcHealthAsync());
    }
}
