using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using MashGrpc.Core;
using MashGrpc.Tests.Echo;

namespace MashGrpc.Tests;

/// <summary>Listeners see every process-wide span and measurement: these tests run alone.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>Spans and duration metrics from the "MashGrpc" ActivitySource and Meter, for both ends of a call.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);
    private static readonly ActivitySource TestSource = new("MashGrpc.Tests.Telemetry");

    private readonly ConcurrentQueue<Activity> activities = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();
    private readonly ActivityListener activityListener;
    private readonly MeterListener meterListener;

    public TelemetryTests()
    {
        activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MashGrpc" or "MashGrpc.Tests.Telemetry",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);

        meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "MashGrpc")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }
            measurements.Enqueue((instrument.Name, value, copy));
        });
        meterListener.Start();
    }

    public void Dispose()
    {
        activityListener.Dispose();
        meterListener.Dispose();
    }

    /// <summary>Runs <paramref name="call"/> under a test root span and returns that span's trace id.</summary>
    private static async Task<ActivityTraceId> UnderRootAsync(Func<Task> call)
    {
        using var root = TestSource.StartActivity("test-root")!;
        await call();
        return root.TraceId;
    }

    private List<Activity> InTrace(ActivityTraceId traceId) => [.. activities.Where(a => a.TraceId == traceId && a.Source.Name == "MashGrpc")];

    /// <summary>The server span ends after its response is sent, so possibly just after the client saw it.</summary>
    private async Task<List<Activity>> WaitForSpansAsync(ActivityTraceId traceId, int count)
    {
        var until = DateTime.UtcNow + HangGuard;
        while (InTrace(traceId).Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }
        return InTrace(traceId);
    }

    [Fact]
    public async Task Unary_call_yields_one_client_and_one_server_span_with_rpc_tags()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var traceId = await UnderRootAsync(() => client.UnaryAsync(new EchoRequest { Text = "traced" }).ResponseAsync.WaitAsync(HangGuard));
        var spans = await WaitForSpansAsync(traceId, 2);

        var clientSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Client);
        var serverSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Server);
        foreach (var span in new[] { clientSpan, serverSpan })
        {
            Assert.Equal("mashgrpc.test.Echo/Unary", span.DisplayName);
            Assert.Equal("grpc", span.GetTagItem("rpc.system"));
            Assert.Equal("mashgrpc.test.Echo", span.GetTagItem("rpc.service"));
            Assert.Equal("Unary", span.GetTagItem("rpc.method"));
            Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
        }
    }

    [Fact]
    public async Task Server_span_continues_the_client_span_trace()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var traceId = await UnderRootAsync(() => client.UnaryAsync(new EchoRequest { Text = "propagated" }).ResponseAsync.WaitAsync(HangGuard));
        var spans = await WaitForSpansAsync(traceId, 2);

        var clientSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Client);
        var serverSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Server);
        Assert.Equal(clientSpan.TraceId, serverSpan.TraceId);
        Assert.NotEqual(clientSpan.SpanId, serverSpan.SpanId);
        Assert.True(LeadsTo(serverSpan, clientSpan.SpanId), "the server span's parent chain does not reach the client span");
    }

    [Fact]
    public async Task Failed_call_records_its_status_code_on_both_spans()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var traceId = await UnderRootAsync(async () =>
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() =>
                client.UnaryAsync(new EchoRequest { Text = "bad", FailWith = (int)StatusCode.Internal }).ResponseAsync.WaitAsync(HangGuard));
            Assert.Equal(StatusCode.Internal, ex.StatusCode);
        });
        var spans = await WaitForSpansAsync(traceId, 2);

        var clientSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Client);
        var serverSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Server);
        Assert.Equal((int)StatusCode.Internal, clientSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal((int)StatusCode.Internal, serverSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, clientSpan.Status);
        Assert.Equal(ActivityStatusCode.Error, serverSpan.Status);
    }

    [Fact]
    public async Task Client_error_the_server_did_not_cause_marks_only_the_client_span_as_error()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var traceId = await UnderRootAsync(async () =>
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() =>
                client.UnaryAsync(new EchoRequest { FailWith = (int)StatusCode.InvalidArgument }).ResponseAsync.WaitAsync(HangGuard));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        });
        var spans = await WaitForSpansAsync(traceId, 2);

        var clientSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Client);
        var serverSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Server);
        Assert.Equal((int)StatusCode.InvalidArgument, serverSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, clientSpan.Status);
        Assert.Equal(ActivityStatusCode.Unset, serverSpan.Status);
    }

    [Fact]
    public async Task Call_records_client_and_server_duration_with_rpc_tags()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        // DATA_LOSS, which nothing else in this collection uses, singles out this call's measurements.
        await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(new EchoRequest { FailWith = (int)StatusCode.DataLoss }).ResponseAsync.WaitAsync(HangGuard));
        await client.UnaryAsync(new EchoRequest { Text = "ok" }).ResponseAsync.WaitAsync(HangGuard);
        var until = DateTime.UtcNow + HangGuard;
        while ((Matching("rpc.server.duration", StatusCode.OK).Count == 0 || Matching("rpc.server.duration", StatusCode.DataLoss).Count == 0)
            && DateTime.UtcNow < until)
        {
            await Task.Delay(10); // the server records once its response is out
        }

        foreach (var instrument in new[] { "rpc.client.duration", "rpc.server.duration" })
        {
            var failed = Assert.Single(Matching(instrument, StatusCode.DataLoss));
            Assert.True(failed.Value >= 0);
            Assert.Equal("grpc", failed.Tags["rpc.system"]);
            Assert.NotEmpty(Matching(instrument, StatusCode.OK));
        }
    }

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Matching(string instrument, StatusCode status) =>
        [.. measurements.Where(m => m.Instrument == instrument
            && Equals(m.Tags.GetValueOrDefault("rpc.service"), "mashgrpc.test.Echo")
            && Equals(m.Tags.GetValueOrDefault("rpc.method"), "Unary")
            && Equals(m.Tags.GetValueOrDefault("rpc.grpc.status_code"), (int)status))];

    // Whether walking up from the span (through in-process parents, then the remote parent id) reaches the span id.
    private static bool LeadsTo(Activity span, ActivitySpanId ancestor)
    {
        for (var current = span; current is not null; current = current.Parent)
        {
            if (current.ParentSpanId == ancestor)
            {
                return true;
            }
        }
        return false;
    }
}
