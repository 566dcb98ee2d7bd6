using System.Diagnostics;

namespace Mash.ServiceDefaults;

/// <summary>The outbox's span: a batch's publishing, in the traces of the changes its events announce.</summary>
public static class OutboxTelemetry
{
    public const string SourceName = "Mash.Outbox";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// A span for publishing a batch, child of its first event's trace (a W3C trace context) and
    /// linked to every other's, or null when no event was written in a trace or nobody listens.
    /// </summary>
    public static Activity? StartPublish(string messageType, IReadOnlyList<string?> traceParents)
    {
        var contexts = traceParents.Select(p => ActivityContext.TryParse(p, null, out var c) ? c : default).Where(c => c != default).ToList();
        if (contexts.Count == 0)
        {
            return null;
        }
        var links = contexts.Skip(1).DistinctBy(c => c.TraceId).Select(c => new ActivityLink(c));
        return Source.StartActivity($"outbox publish {messageType}", ActivityKind.Internal, contexts[0], links: links);
    }
}
