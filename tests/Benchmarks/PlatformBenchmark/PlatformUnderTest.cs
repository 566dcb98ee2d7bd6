using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace PlatformBenchmark;

/// <summary>
/// The platform as the AppHost starts it (AppHost/Program.cs), through Aspire.Hosting.Testing as
/// tests/AppHost.Tests start it: PostgreSQL, Redis and RabbitMQ as processes and the five services,
/// in their Development environment with the AppHost's configuration, each resource healthy before
/// the benchmark begins. Its state lives in a directory of its own, removed at the end, so a
/// developer's stack is never touched.
/// </summary>
internal sealed class PlatformUnderTest(DistributedApplication app, string stateDirectory, TimeSpan started) : IAsyncDisposable
{
    public static readonly string[] Downstream = ["triage", "timeliness", "outcomes", "quality"];

    // 15-60 s on a quiet machine, several minutes when others build on the same cores.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    public DistributedApplication App { get; } = app;

    /// <summary>From the AppHost's start until every resource was healthy.</summary>
    public TimeSpan Started { get; } = started;

    public static async Task<PlatformUnderTest> StartAsync(CancellationToken cancellationToken)
    {
        var stateDirectory = Directory.CreateTempSubdirectory("mash-platform-benchmark-").FullName;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var begin = Stopwatch.GetTimestamp();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"MASH_STATE_DIR={stateDirectory}", $"MASH_STACK=bench{Environment.ProcessId}"], timeout.Token);
        // The AppHost's own warnings (a service restarted) reach the console. The resources' output,
        // which the testing host forwards as logs ("AppHost.Resources.<name>", stderr as errors: the
        // servers' ordinary log lines), is tallied for the services instead (ServiceLogs), and the
        // AppHost's probes of resources still starting or already stopping say nothing the figures need.
        builder.Services.AddLogging(logging => logging
            .AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning)
            .AddFilter<ConsoleLoggerProvider>("AppHost.Resources", LogLevel.None)
            .AddFilter<ConsoleLoggerProvider>("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        var app = await builder.BuildAsync(timeout.Token);
        try
        {
            await app.StartAsync(timeout.Token);
            var model = app.Services.GetRequiredService<DistributedApplicationModel>();
            var startsWithPlatform = model.Resources.Where(r => r is not ParameterResource && !r.HasAnnotationOfType<ExplicitStartupAnnotation>());
            await Task.WhenAll(startsWithPlatform.Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, timeout.Token)));
        }
        catch
        {
            await app.DisposeAsync();
            TryDelete(stateDirectory);
            throw;
        }
        return new PlatformUnderTest(app, stateDirectory, Stopwatch.GetElapsedTime(begin));
    }

    /// <summary>
    /// Intake's gRPC address as its Kestrel listens on it (the URL the AppHost gives it), not through
    /// the orchestrator's proxy: a frontline app in production meets no such proxy.
    /// </summary>
    public Uri IntakeAddress()
    {
        var snapshot = App.ResourceNotifications.TryGetCurrentState("intake", out var resourceEvent) ? resourceEvent.Snapshot : null;
        var url = snapshot?.EnvironmentVariables.FirstOrDefault(v => v.Name == "Kestrel__Endpoints__grpc__Url" && v.IsFromSpec)?.Value;
        return url is not null ? new Uri(url) : App.GetEndpoint("intake", "grpc");
    }

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"'{resource}' has no connection string.");

    /// <summary>Stops the four services downstream of Intake with the dashboard's Stop, and waits until each has stopped.</summary>
    public async Task StopDownstreamAsync(CancellationToken cancellationToken)
    {
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        // A service drains and stops in seconds (SIGTERM first, the AppHost's Stop); minutes would be a finding.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await Task.WhenAll(Downstream.Select(async service =>
        {
            var stop = await commands.ExecuteCommandAsync(service, KnownResourceCommands.StopCommand, timeout.Token);
            if (!stop.Success)
            {
                throw new InvalidOperationException($"Stopping {service} failed: {stop.Message}");
            }
            await App.ResourceNotifications.WaitForResourceAsync(service, KnownResourceStates.TerminalStates, timeout.Token);
        }));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await App.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Disposing stops what is left.
        }
        await App.DisposeAsync();
        TryDelete(stateDirectory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Under the temp directory: left for the OS.
        }
    }
}
