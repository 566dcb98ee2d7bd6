using Mash.AppHost.Tests.Support;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Mash.AppHost.Services;
using Mash.Testing.Servers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.AppHost.Tests.Services;

/// <summary>
/// The AppHost's view of a service's health, against real HTTP endpoints: <c>/health</c>'s own
/// status (Degraded included) as the dashboard's, and a resource that waits for a Degraded service
/// still started.
/// </summary>
public sealed class ServiceHealthTests
{
    private const string Degraded = """
        {"status":"Degraded","checks":{"self":{"status":"Healthy"},"PostgreSql":{"status":"Degraded","description":"pool saturated"},"rabbitmq-queues":{"status":"Degraded","description":"2 in triage-contact-received_error"}}}
        """;

    private const string Migrating = """
        {"status":"Unhealthy","checks":{"self":{"status":"Healthy"},"postgres-migrations":{"status":"Unhealthy","description":"migrating"}}}
        """;

    [Fact]
    public async Task Health_follows_the_status_the_service_reports_not_only_its_status_code()
    {
        await using var server = HealthServer.Start();

        server.Answer(HttpStatusCode.OK, """{"status":"Healthy","checks":{"self":{"status":"Healthy"}}}""");
        var healthy = await CheckAsync(server.Address);
        server.Answer(HttpStatusCode.OK, Degraded);
        var degraded = await CheckAsync(server.Address);
        server.Answer(HttpStatusCode.ServiceUnavailable, Migrating);
        var unready = await CheckAsync(server.Address);

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal("degraded (PostgreSql: pool saturated; rabbitmq-queues: 2 in triage-contact-received_error)", degraded.Description);
        Assert.Equal(HealthStatus.Unhealthy, unready.Status);
        Assert.Equal("/health answered 503 (postgres-migrations: migrating)", unready.Description);
    }

    [Fact]
    public async Task A_slow_or_absent_service_is_unhealthy_within_the_bound()
    {
        await using var server = HealthServer.Start();
        server.Answer(HttpStatusCode.OK, Degraded, delay: TimeSpan.FromSeconds(30));

        var slow = await CheckAsync(server.Address, TimeSpan.FromMilliseconds(300));
        var absent = await CheckAsync(new Uri($"http://127.0.0.1:{Processes.FreePort()}/health"));

        Assert.Equal(HealthStatus.Unhealthy, slow.Status);
        Assert.Equal("/health did not answer within 0.3 s", slow.Description);
        Assert.Equal(HealthStatus.Unhealthy, absent.Status);
        Assert.StartsWith("/health could not be asked", absent.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_waiting_for_a_degraded_service_starts_and_the_dashboard_shows_it_degraded()
    {
        var site = Directory.CreateTempSubdirectory("mash-service-health-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(site.FullName, "health"), Degraded);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            // The AppHost's builder (it carries the orchestrator), with its own resources taken out.
            using var model = await PlatformModel.CreateAsync("servicehealth");
            var builder = model.Builder;
            foreach (var resource in builder.Resources.ToList())
            {
                builder.Resources.Remove(resource);
            }
            // A real process answering /health: Python's file server, the file saying Degraded.
            var port = Processes.FreePort();
            var served = builder.AddExecutable("served", "/usr/bin/python3", site.FullName, "-m", "http.server", $"{port}", "--bind", "127.0.0.1")
                .WithHttpEndpoint(port: port, name: "http", isProxied: false)
                .WithServiceHealthCheck("http");
            builder.AddExecutable("waiting", "/usr/bin/sleep", site.FullName, "300").WaitFor(served);
            await using var app = await builder.BuildAsync(timeout.Token);
            await app.StartAsync(timeout.Token);

            await app.ResourceNotifications.WaitForResourceAsync("waiting", KnownResourceStates.Running, timeout.Token);
            var degraded = await app.ResourceNotifications.WaitForResourceAsync("served", e => e.Snapshot.HealthStatus == HealthStatus.Degraded, timeout.Token);
            await File.WriteAllTextAsync(Path.Combine(site.FullName, "health"), """{"status":"Healthy"}""", timeout.Token);
            var healthy = await app.ResourceNotifications.WaitForResourceAsync("served", e => e.Snapshot.HealthStatus == HealthStatus.Healthy, timeout.Token);

            var report = Assert.Single(degraded.Snapshot.HealthReports);
            Assert.Equal(HealthStatus.Degraded, report.Status);
            Assert.Equal("degraded (PostgreSql: pool saturated; rabbitmq-queues: 2 in triage-contact-received_error)", report.Description);
            Assert.True(ServiceHealth.IsServing(degraded.Snapshot));
            Assert.Equal(HealthStatus.Healthy, Assert.Single(healthy.Snapshot.HealthReports).Status);
        }
        finally
        {
            site.Delete(recursive: true);
        }
    }

    private static async Task<HealthCheckResult> CheckAsync(Uri address, TimeSpan? timeout = null)
    {
        using var client = new HttpClient();
        var check = new ServiceHealthCheck(client, _ => Task.FromResult(address), timeout ?? ServiceHealth.Timeout);
        return await check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("service", check, HealthStatus.Unhealthy, tags: null),
        });
    }

    /// <summary>A real HTTP endpoint on loopback answering <c>/health</c> as told.</summary>
    private sealed class HealthServer : IAsyncDisposable
    {
        private readonly HttpListener listener = new();
        private readonly CancellationTokenSource stopping = new();
        private volatile Reply reply = new(HttpStatusCode.OK, "{}", TimeSpan.Zero);
        private Task? serving;

        private sealed record Reply(HttpStatusCode Status, string Body, TimeSpan Delay);

        public Uri Address { get; private set; } = null!;

        public static HealthServer Start()
        {
            var server = new HealthServer();
            var port = Processes.FreePort();
            server.listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            server.listener.Start();
            server.Address = new Uri($"http://127.0.0.1:{port}/health");
            server.serving = server.ServeAsync();
            return server;
        }

        public void Answer(HttpStatusCode status, string body, TimeSpan? delay = null) => reply = new Reply(status, body, delay ?? TimeSpan.Zero);

        private async Task ServeAsync()
        {
            while (!stopping.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                _ = AnswerAsync(context, reply);
            }
        }

        private async Task AnswerAsync(HttpListenerContext context, Reply answer)
        {
            try
            {
                await Task.Delay(answer.Delay, stopping.Token);
                var body = Encoding.UTF8.GetBytes(answer.Body);
                context.Response.StatusCode = (int)answer.Status;
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(body, stopping.Token);
                context.Response.Close();
            }
            catch (OperationCanceledException)
            {
                context.Response.Abort();
            }
            catch (HttpListenerException)
            {
                // The client gave up first.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stopping.CancelAsync();
            listener.Close();
            if (serving is not null)
            {
                await serving;
            }
            stopping.Dispose();
        }
    }
}
