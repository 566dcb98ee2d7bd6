namespace Mash.Hosting.Orchestration;

/// <summary>
/// Prints the resource table and Aspire's "Distributed application started." once every resource
/// is up; after that, one line per change of state or health.
/// </summary>
internal sealed class StartupWatcher
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ResourceNotificationService _notifications;
    private readonly ResourceLoggerService _logs;
    private int _announced;

    public StartupWatcher(ResourceNotificationService notifications, ResourceLoggerService logs)
    {
        _notifications = notifications;
        _logs = logs;
        notifications.Changed += OnChanged;
    }

    public Task Started => _started.Task;

    private void OnChanged(ResourceSnapshot before, ResourceSnapshot after)
    {
        if (Volatile.Read(ref _announced) == 1)
        {
            if (before.State != after.State || before.HealthStatus != after.HealthStatus)
            {
                var exit = after.ExitCode is { } code && after.State is KnownResourceStates.Exited or KnownResourceStates.Finished ? $" (exit code {code})" : "";
                _logs.Log(ResourceLoggerService.AppHost, $"{after.Name}: {after.State}{exit}, health {ResourceTable.HealthText(after)}");
            }

            return;
        }

        if (ResourceStateTransitions.IsTerminal(after.State) && after.State != KnownResourceStates.Finished)
        {
            _started.TrySetException(new DistributedApplicationException($"Resource '{after.Name}' is {after.State}: {after.Message}"));
        }

        AnnounceIfAllUp();
    }

    /// <summary>Also called once at start: a model whose resources are all up already (or that has none) raises no change.</summary>
    public void AnnounceIfAllUp()
    {
        var all = _notifications.GetAll();
        if (all.All(s => s.IsUp) && Interlocked.Exchange(ref _announced, 1) == 0)
        {
            _logs.WriteRaw(ResourceTable.Render(all));
            _logs.Log(ResourceLoggerService.AppHost, "Distributed application started. Press Ctrl+C to shut down.");
            _started.TrySetResult();
        }
    }
}
