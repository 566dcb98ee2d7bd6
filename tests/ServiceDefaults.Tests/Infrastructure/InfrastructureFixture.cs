using Mash.Testing.Servers;
namespace Mash.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// PostgreSQL, Redis and RabbitMQ, started once for every test in the "infrastructure"
/// collection (RabbitMQ alone takes 7–16 s), all three together, under one temp directory that
/// Dispose removes with everything it started.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private readonly ServerSet servers = new("mash-servicedefaults-tests-");
    private PostgresServer? postgres;
    private RedisServer? redis;
    private RabbitMqServer? rabbitMq;

    internal PostgresServer Postgres => postgres ?? throw new InvalidOperationException("Not started.");
    internal RedisServer Redis => redis ?? throw new InvalidOperationException("Not started.");
    internal RabbitMqServer RabbitMq => rabbitMq ?? throw new InvalidOperationException("Not started.");

    public Task InitializeAsync() => servers.StartTogetherAsync(
        async () => postgres = await servers.StartAsync(root => PostgresServer.StartAsync(root)),
        async () => redis = await servers.StartAsync(RedisServer.StartAsync),
        async () => rabbitMq = await servers.StartAsync(RabbitMqServer.StartAsync));

    public async Task DisposeAsync() => await servers.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "infrastructure";
}

/// <summary>
/// The same servers, for tests that read what a host exports over OTLP, run alone after every other
/// collection: OpenTelemetry's MeterProvider finds meters by name across the whole process, so
/// another test's host alive beside this one, with gauges of the same names (every host has
/// <c>Mash.Operations</c>'s), can take the place of this host's in its export.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExportCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "export";
}
