using System.Collections.Concurrent;
using Mash.Hosting.Orchestration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AppHost.Tests.Orchestration;

/// <summary>A resource without a process: Running as soon as started, Healthy when the test says so.</summary>
internal sealed class ManualResource(string name, ConcurrentQueue<string> journal) : Resource(name), IResourceWithWaitSupport, IResourceWithRunner
{
    public TaskCompletionSource Healthy { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override string ResourceType => "Manual";

    public IResourceRunner CreateRunner(RunContext context) => new Runner(this, context, journal);

    private sealed class Runner(ManualResource resource, RunContext context, ConcurrentQueue<string> journal) : IResourceRunner
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            journal.Enqueue($"start {resource.Name}");
            context.Publish(resource, s => s with { State = KnownResourceStates.Starting, HasHealthCheck = true });
            context.Publish(resource, s => s with { State = KnownResourceStates.Running });
            _ = resource.Healthy.Task.ContinueWith(_ => context.Publish(resource, s => s with { HealthStatus = HealthStatus.Healthy }), TaskScheduler.Default);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken force)
        {
            journal.Enqueue($"stop {resource.Name}");
            context.Publish(resource, s => s.State == KnownResourceStates.Running ? s with { State = KnownResourceStates.Stopping } : s);
            context.Publish(resource, s => s.State == KnownResourceStates.Stopping ? s with { State = KnownResourceStates.Exited } : s);
            return Task.CompletedTask;
        }
    }
}
