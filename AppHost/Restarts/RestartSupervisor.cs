using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mash.AppHost.Restarts;

/// <summary>
/// Watches every resource marked <see cref="RestartOnFailureAnnotation"/> and, when one crashes
/// while the AppHost is not stopping, runs Aspire's own Start command on it after the back-off,
/// exactly as a person would from the dashboard. The count shows as the resource's
/// <see cref="RestartsProperty"/> property.
/// </summary>
internal sealed class RestartSupervisor(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService loggers,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    public const string RestartsProperty = "restarts";

    private readonly ConcurrentDictionary<string, RestartTracker> _trackers = new();

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
                log.LogWarning("{Resource} exited on its own (exit code {ExitCode}); restarting in {Delay} s.", resource.Name, exitCode?.ToString() ?? "none", delay.TotalSeconds);
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
                    return;
                }
                log.LogError("Restarting {Resource} failed: {Error}", resource.Name, result.Message);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }
}
