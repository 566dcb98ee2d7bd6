using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace GrpcBenchmark;

/// <summary>
/// In-process allocation profile (--alloc-profile): the runtime's GC AllocationTick event fires about
/// every 100 KB allocated and names the type that crossed the line, so summing the ticks by type
/// estimates where the bytes go, with no tool outside the process.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEventId = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> bytesByType = new(StringComparer.Ordinal);
    private volatile bool recording;

    public void Start()
    {
        bytesByType.Clear();
        recording = true;
    }

    /// <summary>The types that took most of the sampled bytes, largest first, with their share.</summary>
    public IReadOnlyList<(string Type, double Share)> Stop(int top)
    {
        recording = false;
        var total = (double)Math.Max(1, bytesByType.Values.Sum());
        return [.. bytesByType.OrderByDescending(e => e.Value).Take(top).Select(e => (e.Key, e.Value / total))];
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!recording || eventData.EventId != AllocationTickEventId || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
        {
            return;
        }
        var typeIndex = names.IndexOf("TypeName");
        var amountIndex = names.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0)
        {
            return;
        }
        var type = payload[typeIndex] as string ?? "?";
        var amount = Convert.ToInt64(payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
        bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
