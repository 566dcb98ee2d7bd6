using Mash.Testing.Servers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.ServiceDefaults.Tests;

/// <summary>Telemetry leaves over OTLP/HTTP with protobuf bodies, to the paths the AppHost's receiver serves.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Traces_metrics_and_logs_are_posted_as_protobuf_to_the_otlp_endpoint()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var serviceName = $"sdtests-otlp-{Guid.NewGuid():N}"[..24];
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            // Exactly what the AppHost injects.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Address.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = serviceName,
            ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=replica-7",
            // Export soon, so the test need not wait for the default five seconds / one minute.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        }, b => b.Logging.AddFilter("Mash.Tests.Otlp", LogLevel.Information));

        // A probe, whose server span must not be exported (the AppHost polls /health all day), and
        // a request for an unknown path, whose span must: each in a trace of its own, sent over a
        // bare socket so no client span in this process carries the same trace id.
        var probeTrace = ActivityTraceId.CreateRandom();
        var otherTrace = ActivityTraceId.CreateRandom();
        await RawGetAsync(host.ManagementPort, "/health", probeTrace);
        await RawGetAsync(host.ManagementPort, "/not-a-route", otherTrace);
        await host.CheckGrpcHealthAsync();
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mash.Tests.Otlp").LogWarning("marker {Marker}", "log-marker-42");

        // The server span's name: the test's own client span for the call (HttpClient and gRPC
        // client instrumentation listen to the whole process) may leave in an earlier batch.
        var trace = await receiver.WaitForAsync("/v1/traces", "POST /grpc.health.v1.Health/Check");
        // ASP.NET Core's request duration, by route: the gRPC method's.
        var metrics = await receiver.WaitForAsync("/v1/metrics", "/grpc.health.v1.Health/Check");
        var logs = await receiver.WaitForAsync("/v1/logs", "log-marker-42");

        foreach (var post in new[] { trace, metrics, logs })
        {
            Assert.Equal("application/x-protobuf", post.ContentType);
            Assert.True(post.Contains(serviceName), $"{post.Path} names the service");
            Assert.True(post.Contains("replica-7"), $"{post.Path} carries OTEL_RESOURCE_ATTRIBUTES");
        }
        // The gRPC call's server span from OpenTelemetry.Instrumentation.AspNetCore: named by
        // route, with the HTTP attributes and the gRPC method and status it adds for grpc-dotnet.
        Assert.True(trace.Contains("POST /grpc.health.v1.Health/Check"));
        Assert.True(trace.Contains("http.route"));
        Assert.True(trace.Contains("http.response.status_code"));
        Assert.True(trace.Contains("grpc.method"));
        Assert.True(trace.Contains("grpc.status_code"));
        Assert.True(metrics.Contains("http.server.request.duration"));
        // Spans leave in the order they end: the probe's ended before the gRPC call began.
        await receiver.WaitForAsync("/v1/traces", TraceIdBytes(otherTrace));
        Assert.DoesNotContain(receiver.Seen("/v1/traces"), p => p.Contains(TraceIdBytes(probeTrace)));
    }

    private static byte[] TraceIdBytes(ActivityTraceId traceId)
    {
        var bytes = new byte[16];
        traceId.CopyTo(bytes);
        return bytes;
    }

    private static async Task RawGetAsync(int port, string path, ActivityTraceId traceId)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        var request = $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\ntraceparent: 00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream);
        await reader.ReadToEndAsync().WaitAsync(ServiceHost.HangGuard);
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_nothing_is_exported_and_the_service_runs()
    {
        await using var host = await ServiceHost.StartAsync();

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, await host.CheckGrpcHealthAsync());
    }

    /// <summary>A stand-in for the AppHost's OTLP/HTTP receiver: records every POST.</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly Channel<Post> posts = Channel.CreateUnbounded<Post>();
        private readonly List<Post> seen = [];

        private OtlpReceiver(WebApplication app, Uri address)
        {
            this.app = app;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<OtlpReceiver> StartAsync()
        {
            var port = Processes.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1AndHttp2));
            var app = builder.Build();
            var receiver = new OtlpReceiver(app, new Uri($"http://127.0.0.1:{port}"));
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                receiver.posts.Writer.TryWrite(new Post(context.Request.Path, context.Request.ContentType, body.ToArray()));
                // An empty ExportServiceResponse: success.
                context.Response.ContentType = "application/x-protobuf";
                return Results.Empty;
            });
            await app.StartAsync();
            return receiver;
        }

        /// <summary>The first POST to <paramref name="path"/> whose body holds <paramref name="marker"/>.</summary>
        public Task<Post> WaitForAsync(string path, string marker) => WaitForAsync(path, Encoding.UTF8.GetBytes(marker));

        public async Task<Post> WaitForAsync(string path, byte[] marker)
        {
            using var cts = new CancellationTokenSource(ServiceHost.HangGuard);
            while (true)
            {
                lock (seen)
                {
                    if (seen.FirstOrDefault(p => p.Path == path && p.Contains(marker)) is { } found)
                    {
                        return found;
                    }
                }
                var next = await posts.Reader.ReadAsync(cts.Token);
                lock (seen)
                {
                    seen.Add(next);
                }
            }
        }

        public IReadOnlyList<Post> Seen(string path)
        {
            lock (seen)
            {
                return [.. seen.Where(p => p.Path == path)];
            }
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    internal sealed record Post(string Path, string? ContentType, byte[] Body)
    {
        public bool Contains(string text) => Contains(Encoding.UTF8.GetBytes(text));

        public bool Contains(byte[] bytes) => Body.AsSpan().IndexOf(bytes) >= 0;
    }
}
