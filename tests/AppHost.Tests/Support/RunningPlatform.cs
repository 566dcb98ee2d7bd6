using Mash.Testing.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.AppHost.Tests.Support;

/// <summary>
/// The AppHost started through Aspire.Hosting.Testing with a state directory of its own (so runs in
/// parallel, and a developer's stack, never share data or a postmaster), and every resource running
/// and healthy. <paramref name="ServersOnly"/> leaves the five services out of the model, for tests
/// about the servers alone. The services trust the tests' own staff tokens (<see cref="TestTokens"/>),
/// given to the AppHost as its <c>Authentication</c> configuration, as a deployment gives its provider's.
/// </summary>
public sealed class RunningPlatform(DistributedApplication app, string stateDirectory) : IAsyncDisposable
{
    // 15-60 s on a quiet machine; CI runs every test project at once on two cores.
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    public static readonly string[] Services = ["intake", "triage", "timeliness", "outcomes", "quality"];

    public DistributedApplication App { get; } = app;

    public string StateDirectory { get; } = stateDirectory;

    /// <summary>Every resource's console from before it started: what a failure message quotes.</summary>
    internal ConsoleTails Consoles { get; } = new(app);

    /// <summary>The AppHost's arguments that have the services trust the tests' staff tokens.</summary>
    public static IEnumerable<string> IdentityArguments => TestTokens.Configuration.Select(s => $"{s.Key}={s.Value}");

    public static string NewStateDirectory() => Directory.CreateTempSubdirectory("mash-apphost-").FullName;

    /// <summary>The AppHost's arguments for a stack of the tests: its own state directory and name, and the tests' staff tokens.</summary>
    public static string[] Arguments(string stateDirectory, string stack) =>
        [$"MASH_STATE_DIR={stateDirectory}", $"MASH_STACK={stack}", .. IdentityArguments];

    public static async Task<RunningPlatform> StartAsync(string? stateDirectory = null, bool serversOnly = false)
    {
        stateDirectory ??= NewStateDirectory();
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            Arguments(stateDirectory, $"test{Environment.ProcessId}"), timeout.Token);
        if (serversOnly)
        {
            // Each project brings a hidden resource that rebuilds it on request; it goes with it.
            var projects = builder.Resources.OfType<ProjectResource>().Select(p => p.Name).ToHashSet();
            foreach (var resource in builder.Resources.Where(r => projects.Contains(r.Name) || projects.Contains(r.Name.Replace("-rebuilder", "", StringComparison.Ordinal))).ToList())
            {
                builder.Resources.Remove(resource);
            }
        }
        var app = await builder.BuildAsync(timeout.Token);
        var platform = new RunningPlatform(app, stateDirectory);
        try
        {
            await app.StartAsync(timeout.Token);
            await platform.WaitUntilHealthyAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var waitingOn = platform.NotHealthy();
            await platform.DisposeAsync();
            throw new TimeoutException($"The platform was not running and healthy within {StartTimeout}. Waiting on:\n{waitingOn}");
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
        return platform;
    }

    /// <summary>Every resource that starts with the platform Running, and healthy where it has health checks.</summary>
    public async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(StartingWithPlatform().Select(r =>
            App.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, cancellationToken)));
    }

    private IEnumerable<IResource> StartingWithPlatform() =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r is not ParameterResource && !r.HasAnnotationOfType<ExplicitStartupAnnotation>());

    /// <summary>Each resource's state and health reports, and the end of the console of each not yet healthy.</summary>
    private string NotHealthy()
    {
        var lines = StartingWithPlatform().Select(r =>
        {
            var snapshot = App.ResourceNotifications.TryGetCurrentState(r.Name, out var e) ? e.Snapshot : null;
            var reports = snapshot is null ? "" : string.Join("; ", snapshot.HealthReports.Select(h => $"{h.Name} {h.Status} {h.Description ?? h.ExceptionText}"));
            var line = $"{r.Name}: {snapshot?.State?.Text ?? "no state"}, health {snapshot?.HealthStatus?.ToString() ?? "none"} {reports}";
            return snapshot?.HealthStatus == HealthStatus.Healthy ? line : $"{line}\n{Consoles.Tail(r.Name)}";
        });
        return string.Join('\n', lines);
    }

    public CustomResourceSnapshot Snapshot(string resourceName) =>
        App.ResourceNotifications.TryGetCurrentState(resourceName, out var resourceEvent)
            ? resourceEvent.Snapshot
            : throw new InvalidOperationException($"No resource '{resourceName}'.");

    /// <summary>The process the orchestrator started for the resource (for a service, the service itself, run from its build output).</summary>
    public int ProcessId(string resourceName) =>
        Snapshot(resourceName).Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"'{resourceName}' has no process.");

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await App.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Consoles.DisposeAsync();
        await App.DisposeAsync();
    }
}
