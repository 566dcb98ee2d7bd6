using AppHost.Tests.Support;
using static Mash.Hosting.ApplicationModel.KnownResourceStates;

namespace AppHost.Tests.Integration;

/// <summary>Projects only (no infrastructure): launching, WaitFor on health, stop order, nothing left behind.</summary>
public sealed class LifecycleTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);
    private readonly TestStack _stack = new("lifecycle");

    [Fact]
    public async Task Projects_start_in_order_get_their_references_and_leave_nothing_behind()
    {
        var builder = _stack.CreateBuilder();
        var intake = builder.AddProject<Projects.FakeService>("intake");
        var triage = builder.AddProject<Projects.FakeService>("triage").WithReference(intake).WaitFor(intake);
        var app = builder.Build();
        var stopping = new List<string>();
        app.ResourceNotifications.Changed += (_, after) => { if (after.State == Stopping) { lock (stopping) { stopping.Add(after.Name); } } };

        await app.StartAsync();
        await app.Started.WaitAsync(HangGuard);
        var pids = ProcessProbe.Trees(app.ResourceNotifications.GetAll().Select(s => s.ProcessId!.Value));

        var env = await Http.GetEnvAsync(triage.Resource.GetEndpoint("http").Url);
        Assert.Equal(intake.Resource.GetEndpoint("grpc").Url, env["services__intake__grpc__0"]);
        Assert.Equal(intake.Resource.GetEndpoint("http").Url, env["services__intake__http__0"]);
        Assert.Equal("HTTP/2", await Http.GetHttp2Async($"{intake.Resource.GetEndpoint("grpc").Url}/protocol"));
        Assert.Equal("HTTP/1.1", await Http.Client.GetStringAsync($"{intake.Resource.GetEndpoint("http").Url}/protocol"));
        Assert.True(app.ResourceNotifications.Get("intake").StartedAt < app.ResourceNotifications.Get("triage").StartedAt);

        await app.StopAsync().WaitAsync(HangGuard);

        Assert.Equal(["triage", "intake"], stopping);
        Assert.All(app.ResourceNotifications.GetAll(), s => Assert.Equal(Exited, s.State));
        await ProcessProbe.AssertAllGoneAsync(pids);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_stack.StateDirectory, "pids")));
    }

    [Fact]
    public async Task A_dependent_waits_while_its_dependency_is_unhealthy()
    {
        var builder = _stack.CreateBuilder();
        var sick = builder.AddProject<Projects.FakeService>("sick").WithEnvironment("FAKE_UNHEALTHY", "1");
        builder.AddProject<Projects.FakeService>("dependent").WaitFor(sick);
        await using var app = builder.Build();

        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceAsync("sick", s => s.State == Running && s.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy).WaitAsync(HangGuard);
        // Probed and found unhealthy more than once: the dependent is still held back.
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(Waiting, app.ResourceNotifications.Get("dependent").State);
        Assert.Equal("waiting for sick", app.ResourceNotifications.Get("dependent").Message);
        Assert.False(app.Started.IsCompleted);
    }

    [Fact]
    public async Task A_project_that_ends_by_itself_with_exit_code_0_is_restarted_too()
    {
        var builder = _stack.CreateBuilder();
        var intake = builder.AddProject<Projects.FakeService>("intake");
        await using var app = builder.Build();
        await app.StartAsync();
        await app.Started.WaitAsync(HangGuard);

        using var response = await Http.Client.PostAsync($"{intake.Resource.GetEndpoint("http").Url}/crash?code=0", null);
        var exited = await app.ResourceNotifications.WaitForResourceAsync("intake", Exited).WaitAsync(HangGuard);
        var restarted = await app.ResourceNotifications.WaitForResourceAsync("intake", s => s.RestartCount == 1 && s.IsUp).WaitAsync(HangGuard);

        Assert.Equal(0, exited.ExitCode);
        Assert.Equal(Running, restarted.State);
    }

    [Fact]
    public async Task A_second_AppHost_on_the_same_state_directory_is_refused()
    {
        await using var first = _stack.CreateBuilder().Build();
        await first.StartAsync();
        await using var second = _stack.CreateBuilder().Build();

        var e = await Assert.ThrowsAsync<DistributedApplicationException>(() => second.StartAsync());
        Assert.Contains("--stack", e.Message);
    }

    [Fact]
    public async Task Two_stacks_run_side_by_side()
    {
        using var otherStack = new TestStack("lifecycle-other");
        var apps = new List<DistributedApplication>();
        foreach (var stack in new[] { _stack, otherStack })
        {
            var builder = stack.CreateBuilder();
            builder.AddProject<Projects.FakeService>("intake").WithReference(builder.AddRedis("redis")).WaitFor(builder.AddRedis("redis2"));
            apps.Add(builder.Build());
        }

        try
        {
            foreach (var app in apps)
            {
                await app.StartAsync();
            }

            await Task.WhenAll(apps.Select(a => a.Started)).WaitAsync(HangGuard);

            var ports = apps.SelectMany(a => a.Model.Resources.SelectMany(r => r.GetEndpoints())).Select(e => e.AllocatedPort)
                .Concat(apps.Select(a => a.DashboardUrl!.Port)).Concat(apps.Select(a => a.OtlpEndpoint!.Port)).ToList();
            Assert.Equal(ports.Count, ports.Distinct().Count());
        }
        finally
        {
            await Task.WhenAll(apps.Select(a => a.StopAsync()));
        }
    }

    public void Dispose() => _stack.Dispose();
}
