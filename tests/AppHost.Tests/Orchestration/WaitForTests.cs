using System.Collections.Concurrent;
using AppHost.Tests.Support;
using static Mash.Hosting.ApplicationModel.KnownResourceStates;

namespace AppHost.Tests.Orchestration;

/// <summary>WaitFor at run time: held in Waiting until the dependency is Running and Healthy.</summary>
public sealed class WaitForTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private readonly TestStack _stack = new("waitfor");
    private readonly ConcurrentQueue<string> _journal = new();

    [Fact]
    public async Task A_resource_starts_only_once_what_it_waits_for_is_healthy()
    {
        var builder = _stack.CreateBuilder();
        var db = new ManualResource("db", _journal);
        var api = new ManualResource("api", _journal);
        var web = new ManualResource("web", _journal);
        var dbBuilder = builder.AddResource(db);
        var apiBuilder = builder.AddResource(api).WaitFor(dbBuilder);
        builder.AddResource(web).WaitFor(apiBuilder);
        await using var app = builder.Build();

        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceAsync("db", Running).WaitAsync(HangGuard);
        Assert.Equal(Waiting, app.ResourceNotifications.Get("api").State);
        Assert.Equal(Waiting, app.ResourceNotifications.Get("web").State);

        db.Healthy.SetResult();
        await app.ResourceNotifications.WaitForResourceAsync("api", Running).WaitAsync(HangGuard);
        Assert.Equal(Waiting, app.ResourceNotifications.Get("web").State);

        api.Healthy.SetResult();
        web.Healthy.SetResult();
        await app.Started.WaitAsync(HangGuard);
        Assert.Equal(["start db", "start api", "start web"], _journal);
    }

    [Fact]
    public async Task A_failed_dependency_fails_its_dependents()
    {
        var builder = _stack.CreateBuilder();
        var project = builder.AddProject("ghost", "../services/Ghost/Ghost.csproj");
        var dependent = new ManualResource("dependent", _journal);
        builder.AddResource(dependent).WaitFor(project);
        await using var app = builder.Build();

        await app.StartAsync();
        var ghost = await app.ResourceNotifications.WaitForResourceAsync("ghost", FailedToStart).WaitAsync(HangGuard);
        var after = await app.ResourceNotifications.WaitForResourceAsync("dependent", FailedToStart).WaitAsync(HangGuard);

        Assert.Contains("not a ProjectReference of the AppHost", ghost.Message);
        Assert.Contains("ghost", after.Message);
        await Assert.ThrowsAsync<DistributedApplicationException>(() => app.Started.WaitAsync(HangGuard));
        Assert.Empty(_journal);
    }

    [Fact]
    public async Task Stopping_leaves_never_started_resources_NotStarted()
    {
        var builder = _stack.CreateBuilder();
        var db = new ManualResource("db", _journal);
        builder.AddResource(new ManualResource("api", _journal)).WaitFor(builder.AddResource(db));
        var app = builder.Build();

        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceAsync("api", Waiting).WaitAsync(HangGuard);
        await app.StopAsync().WaitAsync(HangGuard);

        Assert.Equal(NotStarted, app.ResourceNotifications.Get("api").State);
        Assert.Equal(Exited, app.ResourceNotifications.Get("db").State);
        Assert.Equal(["start db", "stop db"], _journal);
    }

    public void Dispose() => _stack.Dispose();
}
