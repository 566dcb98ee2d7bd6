using Mash.Hosting.Dashboard;
using Mash.Hosting.Orchestration;
using Mash.Hosting.Processes;
using Mash.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;

namespace Mash.Hosting;

/// <summary>
/// The built application: <see cref="Run"/> starts everything, serves the ops page and the OTLP
/// receiver, and on Ctrl+C or SIGTERM stops everything it started.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly AppHostSettings _settings;
    private readonly RunContext _context;
    private readonly Orchestrator _orchestrator;
    private readonly StartupWatcher _startup;
    private readonly TelemetryCounters _telemetry = new();
    private readonly Lock _stopGate = new();
    private Task? _stop;
    private StackLock? _lock;
    private WebApplication? _dashboard;
    private WebApplication? _otlp;

    internal DistributedApplication(DistributedApplicationModel model, AppHostSettings settings)
    {
        Model = model;
        _settings = settings;
        var logs = new ResourceLoggerService(settings.Output, settings.UseColor);
        foreach (var resource in model.Resources)
        {
            ResourceNotifications.Register(new ResourceSnapshot
            {
                Name = resource.Name,
                ResourceType = resource.GetResourceType(),
                HasHealthCheck = resource is not IResourceWithParent<IResource>,
                Urls = [.. resource.GetEndpoints().Select(e => new UrlSnapshot(e.Name, e.Url))],
            });
        }

        _context = new RunContext(settings, ResourceNotifications, logs);
        _orchestrator = new Orchestrator(model, _context);
        _startup = new StartupWatcher(ResourceNotifications, logs);
    }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) => CreateBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) => new DistributedApplicationBuilder(options);

    public DistributedApplicationModel Model { get; }

    public ResourceNotificationService ResourceNotifications { get; } = new();

    public TelemetryCounters Telemetry => _telemetry;

    public string StateDirectory => _settings.StateDirectory;

    public Uri? DashboardUrl { get; private set; }

    public Uri? OtlpEndpoint { get; private set; }

    /// <summary>Completes when every resource is up (after "Distributed application started."); faults if one fails.</summary>
    public Task Started => _startup.Started;

    /// <summary>The environment a project is (or would be) launched with.</summary>
    public IReadOnlyDictionary<string, string> GetEnvironment(ProjectResource project) =>
        ProjectEnvironment.Build(project, _context.OtlpEndpoint, _context.InstanceIdOf(project));

    public IReadOnlyList<ResourceView> GetResourceViews() =>
        [.. ResourceNotifications.GetAll().Select(s => ResourceView.From(s, _context.Logs.GetLines(s.Name), _telemetry))];

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Log($"stack '{_settings.StackName}', state in {_settings.StateDirectory}");
        StateDirectories.Create(_settings.StateDirectory);
        _lock = StackLock.Acquire(_settings.StateDirectory);
        await _context.Pids.CleanUpOrphansAsync(line => Log(line));

        (_otlp, var otlpPort) = await OtlpReceiver.StartAsync(_settings.OtlpPort, _telemetry, cancellationToken);
        _context.OtlpEndpoint = $"http://127.0.0.1:{otlpPort}";
        OtlpEndpoint = new Uri(_context.OtlpEndpoint);
        (_dashboard, var dashboardPort) = await DashboardServer.StartAsync(_settings.DashboardPort, GetResourceViews, cancellationToken);
        DashboardUrl = new Uri($"http://localhost:{dashboardPort}");

        Log($"Now listening on: {DashboardUrl} (ops dashboard)");
        Log($"OTLP/HTTP receiver: {OtlpEndpoint}");
        _orchestrator.Start();
        _startup.AnnounceIfAllUp();
    }

    /// <summary>Stops every resource, projects first; safe to call more than once.</summary>
    public Task StopAsync(CancellationToken force = default)
    {
        lock (_stopGate)
        {
            return _stop ??= StopCoreAsync(force);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var signals = new ShutdownSignals(cancellationToken);
        try
        {
            await StartAsync(signals.Stop);
            await Task.Delay(Timeout.Infinite, signals.Stop);
        }
        catch (OperationCanceledException) when (signals.Stop.IsCancellationRequested)
        {
        }
        finally
        {
            Log("Stopping (Ctrl+C again to kill at once)...");
            await StopAsync(signals.Force);
        }
    }

    public void Run()
    {
        try
        {
            RunAsync().GetAwaiter().GetResult();
        }
        catch (DistributedApplicationException e)
        {
            Log(e.Message);
            Environment.ExitCode = 1;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopCoreAsync(CancellationToken force)
    {
        if (_lock is null)
        {
            return; // never started
        }

        await _orchestrator.StopAsync(force);
        foreach (var host in new[] { _dashboard, _otlp }.OfType<WebApplication>())
        {
            await host.StopAsync(CancellationToken.None);
            await host.DisposeAsync();
        }

        Log("Stopped.");
        _lock.Dispose();
    }

    private void Log(string text) => _context.Logs.Log(ResourceLoggerService.AppHost, text);
}
