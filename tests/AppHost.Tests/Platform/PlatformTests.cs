using System.Net;
using Mash.AppHost.Tests.Support;
using Npgsql;
using StackExchange.Redis;

namespace Mash.AppHost.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class PlatformTests(PlatformFixture fixture)
{
    private static readonly string[] Databases = ["intakedb", "triagedb", "timelinessdb", "outcomesdb", "qualitydb"];

    private RunningPlatform Platform => fixture.Platform;

    [Fact]
    public void Every_server_database_and_service_is_running_and_healthy()
    {
        string[] resources = ["postgres", .. Databases, "redis", "rabbitmq", "rabbitmq-epmd", .. RunningPlatform.Services];

        Assert.All(resources, name =>
        {
            var snapshot = Platform.Snapshot(name);
            Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
            Assert.All(snapshot.HealthReports, report => Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, report.Status));
        });
    }

    [Fact]
    public async Task Each_service_has_its_own_database_migrated_by_the_service()
    {
        foreach (var database in Databases)
        {
            var connectionString = await Platform.App.GetConnectionStringAsync(database);
            Assert.Contains($"Database={database}", connectionString, StringComparison.Ordinal);

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
            Assert.True((long)(await command.ExecuteScalarAsync())! > 0, $"{database} has no migrations applied");
        }
    }

    [Fact]
    public async Task Redis_and_RabbitMQ_answer_on_their_connection_strings()
    {
        var redis = await Platform.App.GetConnectionStringAsync("redis");
        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis!);
        Assert.True(await multiplexer.GetDatabase().PingAsync() < TimeSpan.FromSeconds(5));

        var rabbitmq = new Uri((await Platform.App.GetConnectionStringAsync("rabbitmq"))!);
        Assert.Equal("amqp", rabbitmq.Scheme);
        Assert.Equal("guest:guest", rabbitmq.UserInfo);
    }

    [Fact]
    public void A_service_receives_its_connection_strings_endpoints_and_the_services_it_calls_under_Aspire_names()
    {
        var intake = Environment("intake");
        Assert.EndsWith(";Database=intakedb", intake["ConnectionStrings__postgres"], StringComparison.Ordinal);
        Assert.StartsWith("amqp://guest:guest@", intake["ConnectionStrings__rabbitmq"], StringComparison.Ordinal);
        Assert.True(intake.ContainsKey("ConnectionStrings__redis"));
        Assert.StartsWith("http://localhost:", intake["Kestrel__Endpoints__grpc__Url"], StringComparison.Ordinal);
        Assert.StartsWith("http://localhost:", intake["Kestrel__Endpoints__http__Url"], StringComparison.Ordinal);
        Assert.False(intake.ContainsKey("ASPNETCORE_URLS"), "ASPNETCORE_URLS would make Kestrel warn that it overrides them");
        Assert.Equal("Development", intake["ASPNETCORE_ENVIRONMENT"]);

        var triage = Environment("triage");
        Assert.EndsWith(";Database=triagedb", triage["ConnectionStrings__postgres"], StringComparison.Ordinal);
        Assert.Equal(Platform.App.GetEndpoint("intake", "grpc").ToString().TrimEnd('/'), triage["services__intake__grpc__0"].TrimEnd('/'));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public async Task A_service_answers_health_on_its_http_endpoint_and_gRPC_over_h2c_on_its_grpc_endpoint(string service)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var health = await http.GetAsync(new Uri(Platform.App.GetEndpoint(service, "http"), "/health"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        Assert.Equal(GrpcHealth.Serving, await GrpcHealth.CheckAsync(Platform.App.GetEndpoint(service, "grpc")));
    }

    [Fact]
    public void Each_service_listens_on_ports_the_AppHost_chose_below_the_ephemeral_range_none_shared()
    {
        var ports = RunningPlatform.Services.Append("board")
            .SelectMany(service => Environment(service).Where(v => v.Key.StartsWith("Kestrel__Endpoints__", StringComparison.Ordinal)))
            .Select(v => new Uri(v.Value).Port)
            .ToList();

        Assert.Equal(RunningPlatform.Services.Length * 2 + 1, ports.Count);
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 20_000, 32_767));
    }

    public static TheoryData<string> ServiceNames() => new(RunningPlatform.Services);

    private Dictionary<string, string> Environment(string resource) =>
        Platform.Snapshot(resource).EnvironmentVariables
            .Where(variable => variable.IsFromSpec && variable.Value is not null)
            .ToDictionary(variable => variable.Name, variable => variable.Value!);
}
