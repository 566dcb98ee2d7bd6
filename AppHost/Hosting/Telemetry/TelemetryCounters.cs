using System.Collections.Concurrent;

namespace Mash.Hosting.Telemetry;

/// <summary>OTLP requests and bytes received, per service.name and signal: the ops page's proof that telemetry flows.</summary>
public sealed class TelemetryCounters
{
    private readonly ConcurrentDictionary<(string Service, string Signal), Counter> _counters = new();

    public void Record(string service, string signal, long bytes)
    {
        var counter = _counters.GetOrAdd((service, signal), _ => new Counter());
        Interlocked.Increment(ref counter.Requests);
        Interlocked.Add(ref counter.Bytes, bytes);
    }

    /// <summary>signal -> (requests, bytes) for one service.</summary>
    public IReadOnlyDictionary<string, SignalCount> For(string service) =>
        _counters.Where(c => c.Key.Service == service)
            .ToDictionary(c => c.Key.Signal, c => new SignalCount(Interlocked.Read(ref c.Value.Requests), Interlocked.Read(ref c.Value.Bytes)));

    public IReadOnlyList<string> Services => [.. _counters.Keys.Select(k => k.Service).Distinct().Order()];

    private sealed class Counter
    {
        public long Requests;
        public long Bytes;
    }
}

public sealed record SignalCount(long Requests, long Bytes);
