using System.Diagnostics;

namespace Mash.ServiceDefaults;

/// <summary>The outbox's span: an event's publishing, in the trace of the change it announces.</summary>
public static class OutboxTelemetry
{
    public const string SourceName = "Mash.Outbox";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// A span for publishing one event, child of <paramref name="traceParent"/> (a W3C trace
    /// context), or null when the event was written outside any trace or nobody listens.
    /// </summary>
    public static Activity? StartPublish(string messageType, string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity($"outbox publish {messageType}", ActivityKind.Internal, parent)
            : null;
}
