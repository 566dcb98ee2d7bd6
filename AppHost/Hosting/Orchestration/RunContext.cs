using System.Collections.Concurrent;
using Mash.Hosting.Processes;

namespace Mash.Hosting.Orchestration;

/// <summary>What every runner shares.</summary>
internal sealed class RunContext(AppHostSettings settings, ResourceNotificationService notifications, ResourceLoggerService logs)
{
    private readonly ConcurrentDictionary<string, string> _instanceIds = new();

    public AppHostSettings Settings => settings;

    public ResourceNotificationService Notifications => notifications;

    public ResourceLoggerService Logs => logs;

    public PidFiles Pids { get; } = new(Path.Combine(settings.StateDirectory, "pids"));

    /// <summary>The OTLP receiver's URL; its port is known only once it listens.</summary>
    public string OtlpEndpoint { get; set; } = $"http://127.0.0.1:{settings.OtlpPort}";

    /// <summary>OTEL's service.instance.id: one per resource for the life of this AppHost, as Aspire's replica names.</summary>
    public string InstanceIdOf(IResource resource) =>
        _instanceIds.GetOrAdd(resource.Name, n => $"{n}-{Guid.NewGuid().ToString("N")[..8]}");

    public ResourceSnapshot Publish(IResource resource, Func<ResourceSnapshot, ResourceSnapshot> update) =>
        notifications.PublishUpdate(resource.Name, update);

    public string StateDirectoryOf(IResource resource) => Path.Combine(settings.StateDirectory, resource.Name);

    public void Log(IResource resource, string text, bool isError = false) => logs.Log(resource.Name, text, isError);
}
