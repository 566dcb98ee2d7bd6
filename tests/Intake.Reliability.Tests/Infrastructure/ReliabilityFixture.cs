using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Mash.Intake.Reliability.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilityFixture>
{
    public const string Name = "reliability";
}

/// <summary>
/// One PostgreSQL and one RabbitMQ for every scenario (RabbitMQ alone takes 7–16 s to start), and a
/// private copy of Intake's build. Scenarios run one at a time (one collection), each with its own
/// databases, queue and Intake process, and each leaves both servers running when it ends.
/// </summary>
public sealed class ReliabilityFixture : IAsyncLifetime
{
    /// <summary>The one agency the load submits as; its token is made per run.</summary>
    public const string Agency = "police-west";

    private readonly ServerSet servers = new("mash-intake-reliability-");
    private PostgresServer? postgres;
    private RabbitMqServer? rabbitMq;
    private string? intakeDll;

    public PostgresServer Postgres => postgres ?? throw new InvalidOperationException("Not started.");
    public RabbitMqServer RabbitMq => rabbitMq ?? throw new InvalidOperationException("Not started.");
    public string IntakeDll => intakeDll ?? throw new InvalidOperationException("Not started.");

    public string AgencyToken { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>What Intake's configuration holds for <see cref="AgencyToken"/>: its SHA-256, in hex.</summary>
    public string AgencyTokenSha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AgencyToken)));

    public Task InitializeAsync() => servers.StartTogetherAsync(
        async () => postgres = await servers.StartAsync(root => PostgresServer.StartAsync(root)),
        async () => rabbitMq = await servers.StartAsync(RabbitMqServer.StartAsync),
        async () => intakeDll = await ServiceBuild.PrivateCopyAsync(BuiltIntakeDll, Path.Combine(servers.Root, "services")));

    public async Task DisposeAsync() => await servers.DisposeAsync();

    // Recorded by the build (EmbedIntakePath in the project file).
    private static string BuiltIntakeDll =>
        typeof(ReliabilityFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "IntakeDll")?.Value
        ?? throw new InvalidOperationException("The test assembly carries no 'IntakeDll' metadata (see EmbedIntakePath).");
}
