using System.Diagnostics;
using Mash.Hosting.Processes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.Hosting.Orchestration;

/// <summary>
/// An infrastructure server (PostgreSQL, Redis, RabbitMQ) run in the foreground as our child:
/// Starting until its readiness check passes, then Running and Healthy. Stopped with its own
/// tool first (the clean way), signals and a process-tree kill only as fallbacks.
/// </summary>
internal abstract class ServerRunner(IResource resource, RunContext context) : IResourceRunner
{
    private readonly CancellationTokenSource _stopping = new();
    private ChildProcess? _process;

    protected RunContext Context => context;

    protected string StateDirectory => context.StateDirectoryOf(resource);

    protected int Port => resource.GetEndpoint("tcp").AllocatedPort;

    /// <summary>What to tell the user to install, if a binary is missing.</summary>
    protected abstract string? MissingBinaries { get; }

    protected virtual TimeSpan ReadyTimeout => TimeSpan.FromSeconds(60);

    /// <summary>Sent to an orphan found by the next AppHost: whatever this server treats as "shut down cleanly".</summary>
    protected virtual int StopSignal => Posix.SIGTERM;

    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected abstract ProcessSpec Spec();

    protected abstract Task<bool> IsReadyAsync(CancellationToken cancellationToken);

    protected virtual Task OnReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks the server to stop with its own tool; false if it could not ask (then it is signalled at once).</summary>
    protected abstract Task<bool> RequestStopAsync(CancellationToken force);

    protected virtual Task AfterStopAsync(CancellationToken force) => Task.CompletedTask;

    protected virtual void OnFailedToStart(string message)
    {
    }

    protected void Log(string text, bool isError = false) => context.Log(resource, text, isError);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (MissingBinaries is { } missing)
        {
            Log(missing, isError: true);
            context.Publish(resource, s => s with { State = KnownResourceStates.RuntimeUnhealthy, Message = missing });
            return;
        }

        context.Publish(resource, s => s with { State = KnownResourceStates.Starting, HasHealthCheck = true });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        try
        {
            Directory.CreateDirectory(StateDirectory);
            await PrepareAsync(linked.Token);
            var process = ChildProcess.Start(Spec(), (line, err) => Log(line, err));
            _process = process;
            context.Pids.Record(resource.Name, process.Id, StopSignal, PidFiles.InfrastructureOrder);
            context.Publish(resource, s => s with { ProcessId = process.Id, StartedAt = DateTimeOffset.Now });
            await WaitUntilReadyAsync(process, linked.Token);
            await OnReadyAsync(linked.Token);
            context.Publish(resource, s => s with { State = KnownResourceStates.Running, HealthStatus = HealthStatus.Healthy });
            _ = WatchForCrashAsync(process);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Stopping before it came up: StopAsync cleans up.
        }
        catch (Exception e)
        {
            Log($"failed to start: {e.Message}", isError: true);
            _process?.KillTree();
            context.Pids.Remove(resource.Name);
            context.Publish(resource, s => s with { State = KnownResourceStates.FailedToStart, Message = e.Message, HealthStatus = HealthStatus.Unhealthy });
            OnFailedToStart(e.Message);
        }
    }

    public async Task StopAsync(CancellationToken force)
    {
        await _stopping.CancelAsync();
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                context.Publish(resource, s => s with { State = KnownResourceStates.Stopping });
                await StopProcessAsync(process, force);
            }

            context.Publish(resource, s => s.State is KnownResourceStates.Stopping or KnownResourceStates.Running or KnownResourceStates.Starting
                ? s with { State = KnownResourceStates.Exited, ExitCode = process.Exited.Result, HealthStatus = null }
                : s);
            context.Pids.Remove(resource.Name);
        }

        await AfterStopAsync(force);
    }

    private async Task StopProcessAsync(ChildProcess process, CancellationToken force)
    {
        try
        {
            if (await RequestStopAsync(force).WaitAsync(TimeSpan.FromSeconds(60), force))
            {
                await process.Exited.WaitAsync(TimeSpan.FromSeconds(30), force);
            }
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            Log($"did not stop cleanly ({e.Message}); signalling", isError: true);
        }

        await process.StopAsync(StopSignal, force.IsCancellationRequested ? TimeSpan.Zero : TimeSpan.FromSeconds(10), force);
    }

    private async Task WaitUntilReadyAsync(ChildProcess process, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (!await IsReadyAsync(cancellationToken))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"exited with code {process.Exited.Result} before it was ready");
            }

            if (watch.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"not ready after {ReadyTimeout.TotalSeconds:0} s");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private async Task WatchForCrashAsync(ChildProcess process)
    {
        var code = await process.Exited;
        if (!_stopping.IsCancellationRequested)
        {
            Log($"exited unexpectedly with code {code}", isError: true);
            context.Publish(resource, s => s.State == KnownResourceStates.Running
                ? s with { State = KnownResourceStates.Exited, ExitCode = code, HealthStatus = HealthStatus.Unhealthy }
                : s);
        }
    }
}
