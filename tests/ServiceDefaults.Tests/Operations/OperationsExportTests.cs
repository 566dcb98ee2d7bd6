using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Mash.Testing.Servers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mash.ServiceDefaults.Tests.Operations;

/// <summary>
/// What operators watch reaches the dashboard: the metrics are exported over OTLP, as the AppHost
/// receives them, from a service with a database, an outbox and a bus.
/// </summary>
[Collection(ExportCollection.Name)]
public sealed class OperationsExportTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Pool_outbox_queue_and_the_applications_own_metrics_are_exported_over_otlp()
    {
        await using var receiver = await MetricsReceiver.StartAsync();
        var database = await infrastructure.Postgres.CreateDatabaseAsync("export");
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Address.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = $"sdtests-ops-{Guid.NewGuid():N}"[..24],
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            // A small pool, to have requests wait for it; long enough a wait to outlast the test.
            ["ConnectionStrings:postgres"] = infrastructure.Postgres.ConnectionString(database) + ";Maximum Pool Size=4;Timeout=60",
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
            ["ServiceDefaults:Bus:EndpointPrefix"] = $"sdtests-export-{Guid.NewGuid():N}"[..28],
            ["ServiceDefaults:Health:SampleInterval"] = "00:00:00.100",
        }, b =>
        {
            b.Services.AddSingleton(new EventSink());
            b.AddDatabaseMigrations(EventOutbox.Migrations);
            b.AddMashBus(bus => bus.AddConsumer<BatchRecordingConsumer>());
            b.AddEventOutbox();
        });
        await host.WaitUntilHealthyAsync();

        // A counter on a Meter named after the application, as a service counts what it sheds.
        var applicationName = host.Services.GetRequiredService<IHostEnvironment>().ApplicationName;
        var meter = host.Services.GetRequiredService<IMeterFactory>().Create(applicationName);
        meter.CreateCounter<long>("mash.tests.requests.shed").Add(3);

        // Every connection held and one more asked for: Npgsql counts a waiting request.
        var dataSource = host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        var held = new List<Npgsql.NpgsqlConnection>();
        for (var i = 0; i < 4; i++)
        {
            held.Add(await dataSource.OpenConnectionAsync());
        }
        var waiting = dataSource.OpenConnectionAsync().AsTask();
        await receiver.WaitForAsync("db.client.connection.npgsql.pending_requests");
        foreach (var connection in held)
        {
            await connection.DisposeAsync();
        }
        await (await waiting).DisposeAsync();

        string[] names =
        [
            "db.client.connection.count",
            "db.client.connection.max",
            "db.client.connection.npgsql.pending_requests",
            OperationsMetrics.BacklogInstrument,
            OperationsMetrics.OldestAgeInstrument,
            OperationsMetrics.QueueDepthInstrument,
            OperationsMetrics.QueueTag,
            "mash.tests.requests.shed",
        ];
        var monitor = host.Services.GetRequiredService<OperationsMonitor>();
        foreach (var name in names)
        {
            await receiver.WaitForAsync(name, () => $"The latest sample: {monitor.Latest}.");
        }

        Assert.All(names, name => Assert.True(receiver.HasSeen(name), name));
        Assert.Equal("application/x-protobuf", receiver.ContentType);
    }

    /// <summary>A stand-in for the dashboard's OTLP/HTTP receiver: keeps the metrics posted to it.</summary>
    private sealed class MetricsReceiver : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly List<byte[]> bodies = [];

        private MetricsReceiver(WebApplication app, Uri address)
        {
            this.app = app;
            Address = address;
        }

        public Uri Address { get; }

        public string? ContentType { get; private set; }

        public static async Task<MetricsReceiver> StartAsync()
        {
            var port = Processes.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1AndHttp2));
            var app = builder.Build();
            var receiver = new MetricsReceiver(app, new Uri($"http://127.0.0.1:{port}"));
            app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                if (signal == "metrics")
                {
                    lock (receiver.bodies)
                    {
                        receiver.ContentType = context.Request.ContentType;
                        receiver.bodies.Add(body.ToArray());
                    }
                }
                context.Response.ContentType = "application/x-protobuf";
                return Results.Empty;
            });
            await app.StartAsync();
            return receiver;
        }

        public bool HasSeen(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            lock (bodies)
            {
                return bodies.Any(b => b.AsSpan().IndexOf(bytes) >= 0);
            }
        }

        public async Task WaitForAsync(string text, Func<string>? describe = null)
        {
            try
            {
                await ServiceHost.WaitUntilAsync(() => HasSeen(text));
            }
            catch (TaskCanceledException)
            {
                int posts;
                lock (bodies)
                {
                    posts = bodies.Count;
                }
                Assert.Fail($"{text} was not exported within {ServiceHost.HangGuard.TotalSeconds:0} s; {posts} metric posts were received. {describe?.Invoke()}");
            }
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
