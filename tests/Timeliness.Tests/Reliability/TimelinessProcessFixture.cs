using System.Reflection;
using Mash.Testing.Services;

namespace Mash.Timeliness.Tests.Reliability;

[CollectionDefinition(Name)]
public sealed class TimelinessProcessCollection : ICollectionFixture<TimelinessProcessFixture>
{
    public const string Name = "timeliness as a process";
}

/// <summary>A PostgreSQL, a RabbitMQ (the service is not ready without its bus) and a private copy of Timeliness's build, for tests that run Timeliness as production does.</summary>
public sealed class TimelinessProcessFixture : IAsyncLifetime
{
    private readonly ServerSet servers = new("mash-timeliness-process-");
    private PostgresServer? postgres;
    private RabbitMqServer? rabbitMq;
    private string? timelinessDll;

    public PostgresServer Postgres => postgres ?? throw new InvalidOperationException("Not started.");
    public RabbitMqServer RabbitMq => rabbitMq ?? throw new InvalidOperationException("Not started.");
    public string TimelinessDll => timelinessDll ?? throw new InvalidOperationException("Not started.");

    public Task InitializeAsync() => servers.StartTogetherAsync(
        async () => postgres = await servers.StartAsync(root => PostgresServer.StartAsync(root)),
        async () => rabbitMq = await servers.StartAsync(RabbitMqServer.StartAsync),
        async () => timelinessDll = await ServiceBuild.PrivateCopyAsync(BuiltTimelinessDll, Path.Combine(servers.Root, "services")));

    public async Task DisposeAsync() => await servers.DisposeAsync();

    /// <summary>Timeliness on a fresh database of its own, configured as the AppHost configures it; not yet started.</summary>
    public async Task<(ServiceProcess Timeliness, string Database)> NewTimelinessAsync()
    {
        var database = Postgres.ConnectionString(await Postgres.CreateDatabaseAsync("timeliness"));
        var environment = new Dictionary<string, string>(Mash.Testing.Identity.TestTokens.EnvironmentVariables)
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__postgres"] = database,
            ["ConnectionStrings__rabbitmq"] = RabbitMq.ConnectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        return (new ServiceProcess(TimelinessDll, environment), database);
    }

    // Recorded by the build (EmbedTimelinessPath in the project file).
    private static string BuiltTimelinessDll =>
        typeof(TimelinessProcessFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "TimelinessDll")?.Value
        ?? throw new InvalidOperationException("The test assembly carries no 'TimelinessDll' metadata (see EmbedTimelinessPath).");
}
