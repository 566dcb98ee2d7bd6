using AppHost.Tests.Support;

namespace AppHost.Tests.Integration;

/// <summary>
/// One real stack for the tests that need infrastructure (RabbitMQ alone takes 7-16 s to boot):
/// PostgreSQL, Redis, RabbitMQ and the fake service, modelled as Program.cs models a service.
/// Stopped at the end, and checked to leave no process behind.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    private HashSet<int> _pids = [];

    internal TestStack Stack { get; } = new("stack");

    public DistributedApplication App { get; private set; } = null!;

    public ProjectResource Fake { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = Stack.CreateBuilder();
        var postgres = builder.AddPostgres("postgres");
        var redis = builder.AddRedis("redis");
        var rabbitmq = builder.AddRabbitMQ("rabbitmq");
        Fake = builder.AddProject<Projects.FakeService>("fake")
            .WithReference(postgres.AddDatabase("fakedb")).WithReference(redis).WithReference(rabbitmq)
            .WaitFor(postgres).WaitFor(redis).WaitFor(rabbitmq)
            .Resource;
        App = builder.Build();

        await App.StartAsync();
        try
        {
            await App.Started.WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"The stack did not start:\n{Stack.Tail()}", e);
        }
    }

    /// <summary>Every process below the resources' pids, remembered as they run now (a restart adds more).</summary>
    public void RememberProcesses() =>
        _pids.UnionWith(ProcessProbe.Trees(App.ResourceNotifications.GetAll().Where(s => s.ProcessId is not null).Select(s => s.ProcessId!.Value)));

    public async Task DisposeAsync()
    {
        RememberProcesses();
        await App.StopAsync().WaitAsync(TimeSpan.FromMinutes(3));
        await ProcessProbe.AssertAllGoneAsync(_pids);
        Stack.Dispose();
    }
}

[CollectionDefinition("stack")]
public sealed class StackCollection : ICollectionFixture<StackFixture>;
