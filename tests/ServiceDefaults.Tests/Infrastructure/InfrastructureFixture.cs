using Mash.Testing.Servers;
namespace Mash.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// PostgreSQL, Redis and RabbitMQ, started once for every test in the "infrastructure"
/// collection (RabbitMQ alone takes 7–16 s), all three together, under one temp directory that
/// Dispose removes with everything it started.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private string root = "";
    private PostgresServer? postgres;
    private RedisServer? redis;
    private RabbitMqServer? rabbitMq;

    internal PostgresServer Postgres => postgres ?? throw new InvalidOperationException("Not started.");
    internal RedisServer Redis => redis ?? throw new InvalidOperationException("Not started.");
    internal RabbitMqServer RabbitMq => rabbitMq ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        root = Directory.CreateTempSubdirectory("mash-servicedefaults-tests-").FullName;
        var starting = new List<Task>
        {
            Task.Run(async () => postgres = await PostgresServer.StartAsync(root)),
            Task.Run(async () => redis = await RedisServer.StartAsync(root)),
            Task.Run(async () => rabbitMq = await RabbitMqServer.StartAsync(root)),
        };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        var stopping = new List<Task>();
        if (rabbitMq is not null)
        {
            stopping.Add(rabbitMq.DisposeAsync().AsTask());
        }
        if (redis is not null)
        {
            stopping.Add(redis.DisposeAsync().AsTask());
        }
        if (postgres is not null)
        {
            stopping.Add(postgres.DisposeAsync().AsTask());
        }
        await Task.WhenAll(stopping);
        rabbitMq = null;
        redis = null;
        postgres = null;
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A server still writing its last log line; the temp directory is cleaned eventually.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "infrastructure";
}
