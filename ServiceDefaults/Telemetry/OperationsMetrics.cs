using System.Diagnostics.Metrics;

namespace Mash.ServiceDefaults;

/// <summary>
/// The MASH's own gauges of what is piling up, read from <see cref="OperationsMonitor"/>'s latest
/// sample whenever the exporter collects (so collecting never queries anything). Beside them on the
/// dashboard: Npgsql's pool metrics and the application's own meter (TelemetryExtensions).
/// </summary>
internal static class OperationsMetrics
{
    public const string MeterName = "Mash.Operations";

    public const string BacklogInstrument = "mash.outbox.backlog";
    public const string OldestAgeInstrument = "mash.outbox.oldest_age";
    public const string QueueDepthInstrument = "mash.queue.depth";

    /// <summary>The queue a depth is of, in OpenTelemetry's messaging terms.</summary>
    public const string QueueTag = "messaging.destination.name";

    public static void Register(IMeterFactory meters, Func<OperationsSnapshot?> latest)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge<long>(
            BacklogInstrument,
            () => Backlog(latest()).Select(b => new Measurement<long>(b.Waiting)),
            unit: "{event}",
            description: "Events written to the outbox and not yet published to RabbitMQ.");
        meter.CreateObservableGauge<double>(
            OldestAgeInstrument,
            () => Backlog(latest()).Select(b => new Measurement<double>(b.OldestAge.TotalSeconds)),
            unit: "s",
            description: "How long the oldest event in the outbox has waited to be published (0 when it is empty).");
        meter.CreateObservableGauge<long>(
            QueueDepthInstrument,
            () => (latest()?.Queues?.Depths ?? []).Select(q => new Measurement<long>(q.Messages, new KeyValuePair<string, object?>(QueueTag, q.Queue))),
            unit: "{message}",
            description: "Messages ready in each of the service's RabbitMQ queues and their _error queues: consumer lag, and messages that failed every retry.");
    }

    // Nothing before the first sample that read the outbox (or in a service without one).
    private static IEnumerable<OutboxBacklog> Backlog(OperationsSnapshot? snapshot) =>
        snapshot?.Database?.Outbox is { } backlog ? [backlog] : [];
}
