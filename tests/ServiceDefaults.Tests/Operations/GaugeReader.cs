using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.ServiceDefaults.Tests.Operations;

/// <summary>
/// Reads one host's observable instruments in process, as the OpenTelemetry exporter would collect
/// them: only meters that host's <see cref="IMeterFactory"/> made, since several hosts share the test process.
/// </summary>
internal sealed class GaugeReader : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> taken = [];

    public GaugeReader(ServiceHost host)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        listener.Start();
    }

    /// <summary>Every value <paramref name="instrument"/> reports now, with its tags.</summary>
    public IReadOnlyList<(double Value, Dictionary<string, object?> Tags)> Read(string instrument)
    {
        lock (taken)
        {
            taken.Clear();
            listener.RecordObservableInstruments();
            return [.. taken.Where(t => t.Instrument == instrument).Select(t => (t.Value, t.Tags))];
        }
    }

    /// <summary>The single value <paramref name="instrument"/> reports now, or null if it reports none.</summary>
    public double? ReadOne(string instrument) => Read(instrument) is [var only] ? only.Value : null;

    /// <summary>The value reported for <paramref name="queue"/> by the queue depth gauge, or null.</summary>
    public double? QueueDepth(string queue) =>
        Read(OperationsMetrics.QueueDepthInstrument)
            .Where(m => Equals(m.Tags.GetValueOrDefault(OperationsMetrics.QueueTag), queue))
            .Select(m => (double?)m.Value)
            .SingleOrDefault();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }
        lock (taken)
        {
            taken.Add((instrument.Name, value, copy));
        }
    }

    public void Dispose() => listener.Dispose();
}
