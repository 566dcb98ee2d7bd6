using Grpc.Core;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Mash.Testing.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Mash.ServiceDefaults.Tests.Postgres;

/// <summary>
/// The service's pool is its whole budget of PostgreSQL connections: sized from
/// <c>ServiceDefaults:Postgres</c> (or the connection string's own), and a call that finds it
/// exhausted fails UNAVAILABLE after the pool's wait rather than hanging.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PoolBudgetTests(InfrastructureFixture infrastructure)
{
    private const string Database = "Host=127.0.0.1;Port=5432;Database=widgets;Username=postgres";

    [Fact]
    public void The_pool_has_a_bounded_size_and_a_short_wait_by_default()
    {
        var settings = SettingsOf(Database);

        Assert.Equal(PostgresPoolOptions.DefaultMaxPoolSize, settings.MaxPoolSize);
        Assert.Equal(5, settings.Timeout);
    }

    [Fact]
    public void The_pool_is_sized_from_configuration()
    {
        var settings = SettingsOf(Database, new()
        {
            ["ServiceDefaults:Postgres:MaxPoolSize"] = "7",
            ["ServiceDefaults:Postgres:ConnectionTimeout"] = "00:00:03",
        });

        Assert.Equal(7, settings.MaxPoolSize);
        Assert.Equal(3, settings.Timeout);
    }

    [Theory]
    [InlineData("Maximum Pool Size=9;Timeout=2")]
    [InlineData("MaxPoolSize=9;timeout=2")]
    public void A_connection_string_keeps_its_own_choice(string setting)
    {
        var configured = new Dictionary<string, string?> { ["ServiceDefaults:Postgres:MaxPoolSize"] = "7" };
        var settings = SettingsOf($"{Database};{setting}", configured);
        var read = PostgresPoolOptions.Read(Configuration($"{Database};{setting}", configured));

        Assert.Equal((9, 2), (settings.MaxPoolSize, settings.Timeout));
        Assert.Equal((9, TimeSpan.FromSeconds(2)), (read.MaxPoolSize, read.ConnectionTimeout));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    public void A_pool_too_small_for_the_outbox_and_health_checks_stops_the_service_at_start(string size)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => SettingsOf(Database, new() { ["ServiceDefaults:Postgres:MaxPoolSize"] = size }));

        Assert.Equal(PostgresPoolOptions.Requirement, failure.Message);
    }

    [Fact]
    public async Task A_call_that_finds_the_pool_exhausted_ends_UNAVAILABLE_after_the_wait_instead_of_hanging()
    {
        var database = infrastructure.Postgres.ConnectionString(await infrastructure.Postgres.CreateDatabaseAsync("pool"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "pool-test", EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = database,
            ["ServiceDefaults:Postgres:MaxPoolSize"] = "3",
            ["ServiceDefaults:Postgres:ConnectionTimeout"] = "00:00:01",
        });
        builder.AddServiceDatabase();
        using var host = builder.Build();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var held = new List<NpgsqlConnection>();
        for (var i = 0; i < 3; i++)
        {
            held.Add(await dataSource.OpenConnectionAsync());
        }
        var interceptor = new DatabaseUnavailableInterceptor(NullLogger<DatabaseUnavailableInterceptor>.Instance, new UnavailableLogThrottle(TimeProvider.System));

        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            interceptor.UnaryServerHandler<string, string>("request", new TestCallContext(method: "/test.Service/Method"), async (_, _) =>
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                return "response";
            }).WaitAsync(ServiceHost.HangGuard));
        foreach (var connection in held)
        {
            await connection.DisposeAsync();
        }
        // Once a connection is back, the next call is served.
        await using var next = await dataSource.OpenConnectionAsync();

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.Equal(DatabaseUnavailableInterceptor.Detail, failure.Status.Detail);
        Assert.Contains("pool", failure.Status.DebugException!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(System.Data.ConnectionState.Open, next.State);
    }

    private static IConfiguration Configuration(string connectionString, Dictionary<string, string?>? settings = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(settings ?? []) { ["ConnectionStrings:postgres"] = connectionString }).Build();

    private static NpgsqlConnectionStringBuilder SettingsOf(string connectionString, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "widget-service", EnvironmentName = "Production" });
        builder.Configuration.AddConfiguration(Configuration(connectionString, settings));
        builder.AddServiceDatabase();
        using var host = builder.Build();
        return new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
    }
}
