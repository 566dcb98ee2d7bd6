using System.Diagnostics;
using System.Diagnostics.Metrics;
using MashGrpc.Core;
using Microsoft.AspNetCore.Http;

namespace MashGrpc.Internal;

/// <summary>
/// One span and one duration measurement per call, named by OpenTelemetry's RPC conventions,
/// so an OpenTelemetry SDK that listens to "MashGrpc" picks them up.
/// </summary>
internal static class GrpcDiagnostics
{
    public const string Name = "MashGrpc";

    public static readonly ActivitySource ActivitySource = new(Name, "1.0.0");
    private static readonly Meter Meter = new(Name, "1.0.0");
    private static readonly Histogram<double> ServerDuration = Meter.CreateHistogram<double>("rpc.server.duration", "ms", "Duration of inbound gRPC calls.");
    private static readonly Histogram<double> ClientDuration = Meter.CreateHistogram<double>("rpc.client.duration", "ms", "Duration of outbound gRPC calls.");

    public static Activity? StartCall(IMethod method, ActivityKind kind, ActivityContext parent = default)
    {
        if (!ActivitySource.HasListeners())
        {
            return null; // what StartActivity gives then too, without building the span's name first
        }
        var activity = ActivitySource.StartActivity($"{method.ServiceName}/{method.Name}", kind, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", method.ServiceName);
            activity.SetTag("rpc.method", method.Name);
        }
        return activity;
    }

    /// <summary>The caller's span from the propagation headers (W3C traceparent/tracestate by default), or default.</summary>
    public static ActivityContext ExtractParent(IHeaderDictionary headers)
    {
        DistributedContextPropagator.Current.ExtractTraceIdAndState(headers,
            static (object? carrier, string name, out string? value, out IEnumerable<string>? values) =>
            {
                values = null;
                var field = ((IHeaderDictionary)carrier!)[name];
                value = field.Count == 0 ? null : field.ToString();
            },
            out var traceParent, out var traceState);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
    }

    public static void EndCall(Activity? activity, IMethod method, ActivityKind kind, StatusCode status, long startTimestamp)
    {
        if (activity is not null)
        {
            activity.SetTag("rpc.grpc.status_code", (int)status);
            if (IsError(status, kind))
            {
                activity.SetStatus(ActivityStatusCode.Error, status.ToString());
            }
            activity.Dispose();
        }
        var histogram = kind == ActivityKind.Server ? ServerDuration : ClientDuration;
        if (histogram.Enabled)
        {
            histogram.Record(
                Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds,
                new("rpc.system", "grpc"),
                new("rpc.service", method.ServiceName),
                new("rpc.method", method.Name),
                new("rpc.grpc.status_code", (int)status));
        }
    }

    // Per the conventions a server marks only failures of its own as errors; a client marks every non-OK.
    private static bool IsError(StatusCode status, ActivityKind kind) => kind == ActivityKind.Client
        ? status != StatusCode.OK
        : status is StatusCode.Unknown or StatusCode.DeadlineExceeded or StatusCode.Unimplemented
            or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss;
}
