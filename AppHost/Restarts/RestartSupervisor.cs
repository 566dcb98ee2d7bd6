using System.Collections.Concurrent;
using System.Globalization;
using Mash.AppHost.Servers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mash.AppHost.Restarts;

/// <summary>
/// Watches every resource marked <see cref="RestartOnFailureAnnotation"/> (the services, and the
/// PostgreSQL, Redis and RabbitMQ processes they share) and, when one crashes while the AppHost is
/// not stopping, runs Aspire's own Start command on it after the back-off, exactly as a person would
/// from the dashboard. The count shows as the resource's <see cref="RestartsProperty"/> property.
/// </summary>
internal sealed class RestartSupervisor(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService loggers,
    IHostApplicationLifetime lifetime,
    ILogger<RestartSupervisor> logger) : BackgroundService
{
    public const string RestartsProperty = "restarts";

    // The process id the orchestrator shows for an executable or project (Aspire's KnownProperties, internal).
    private const string ExecutablePidProperty = "executable.pid";

    // Within the orchestrator's own stop timeout: a service drains in-flight calls within this.
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, RestartTracker> _trackers = new();
    private readonly ConcurrentDictionary<ResourceCommandAnnotation, bool> _wrapped = new();

    /// <summary>
    /// Wraps the resource's Stop and Restart commands (the dashboard's buttons) so that the exit
    /// they cause is not taken for a crash. Called before the resource starts, once the
    /// orchestrator has given it its commands.
    /// </summary>
    public void WatchStopCommands(IResource resource, RestartBackoff backoff)
    {
        string[] stopping = [KnownResourceCommands.StopCommand, KnownResourceCommands.RestartCommand];
        var annotations = resource.Annotations;
        for (var i = 0; i < annotations.Count; i++)
        {
            if (annotations[i] is ResourceCommandAnnotation command && stopping.Contains(command.Name) && !_wrapped.ContainsKey(command))
            {
                // Aspire's own command, with the same name, look and state, and one step before it.
                var wrapped = new ResourceCommandAnnotation(command.Name, command.DisplayName, command.UpdateState, async context =>
                {
                    var tracker = _trackers.GetOrAdd(context.ResourceName, _ => new RestartTracker(backoff));
                    lock (tracker)
                    {
                        tracker.StopRequested = true;
                    }
                    var result = command.Name == KnownResourceCommands.StopCommand && resource is ProjectResource
                        && await StopGracefullyAsync(context.ResourceName, context.CancellationToken)
                        ? CommandResults.Success()
                        : await command.ExecuteCommand(context);
                    if (!result.Success)
                    {
                        lock (tracker)
                        {
                            tracker.StopRequested = false;
                        }
                    }
                    return result;
                }, command.DisplayDescription, command.Arguments, command.ConfirmationMessage, command.IconName, command.IconVariant, command.IsHighlighted,
                    command.Visibility, command.ValidateArguments);
                _wrapped.TryAdd(wrapped, true);
                annotations[i] = wrapped;
            }
        }
    }

    /// <summary>
    /// Asks a service (a project) to stop with SIGTERM, as Kubernetes would, and true once it has:
    /// the service reports NOT_SERVING, drains its calls and stops in a second or two. The
    /// orchestrator's own Stop sends SIGINT, which a service under Aspire's default launch,
    /// <c>dotnet run</c>, never hears (<c>dotnet run</c> leaves it to a terminal's process group),
    /// and is killed at the orchestrator's timeout; SIGTERM reaches the service however it was
    /// launched (<see cref="Services.BuiltOutputLaunch"/>, or <c>dotnet run</c> under an IDE).
    /// </summary>
    private async Task<bool> StopGracefullyAsync(string resourceId, CancellationToken cancellationToken)
    {
        if (!notifications.TryGetCurrentState(resourceId, out var current)
            || current.Snapshot.Properties.FirstOrDefault(p => p.Name == ExecutablePidProperty)?.Value is not { } pid)
        {
            return false;
        }
        try
        {
            await ServerTools.RunAsync("/bin/kill", ["-TERM", Convert.ToString(pid, CultureInfo.InvariantCulture)!], "/", cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(GracefulStopTimeout);
            await notifications.WaitForResourceAsync(current.Resource.Name, e => e.ResourceId == resourceId && KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false; // gone already, or still running: the orchestrator's own stop follows
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping.Token))
            {
                if (!update.Resource.TryGetLastAnnotation<RestartOnFailureAnnotation>(out var policy))
                {
                    continue;
                }
                var tracker = _trackers.GetOrAdd(update.ResourceId, _ => new RestartTracker(policy.Backoff));
                TimeSpan? delay;
                lock (tracker)
                {
                    delay = tracker.OnState(update.Snapshot.State?.Text, DateTimeOffset.UtcNow);
                }
                if (delay is { } wait)
                {
                    _ = RestartAsync(update.Resource, update.ResourceId, update.Snapshot.ExitCode, tracker, wait, stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The AppHost is stopping: nothing is restarted any more.
        }
    }

    private async Task RestartAsync(IResource resource, string resourceId, int? exitCode, RestartTracker tracker, TimeSpan delay, CancellationToken cancellationToken)
    {
        var log = loggers.GetLogger(resourceId);
        try
        {
            while (true)
            {
                // In the resource's console on the dashboard, and in the AppHost's own console for whoever runs it.
                foreach (var to in new[] { log, logger })
                {
                    // The orchestrator reports -1 for a process killed by a signal (kill -9, the OOM killer).
                    to.LogWarning("{Resource} exited without being stopped (exit code {ExitCode}); restarting in {Delay} s.", resource.Name, exitCode?.ToString() ?? "none", delay.TotalSeconds);
                }
                await Task.Delay(delay, cancellationToken);
                if (!notifications.TryGetCurrentState(resourceId, out var current) || !RestartTracker.IsCrash(current.Snapshot.State?.Text))
                {
                    return; // started again meanwhile, from the dashboard, or stopped
                }
                var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, cancellationToken);
                int restarts;
                lock (tracker)
                {
                    restarts = tracker.Restarts;
                    if (!result.Success)
                    {
                        delay = tracker.OnRestartFailed();
                    }
                }
                await notifications.PublishUpdateAsync(resource, resourceId, s => s with
                {
                    Properties = [.. s.Properties.Where(p => p.Name != RestartsProperty), new ResourcePropertySnapshot(RestartsProperty, restarts) { DisplayName = "Restarts", IsHighlighted = true }],
                });
                if (result.Success)
                {
                    logger.LogInformation("{Resource} started again (restart {Restarts}).", resource.Name, restarts);
                    return;
                }
                foreach (var to in new[] { log, logger })
                {
                    to.LogError("Restarting {Resource} failed: {Error}", resource.Name, result.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }
}

