using Mash.Testing.Servers;
using System.Net;
using System.Text.Json;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Grpc.Net.Client;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Mash.ServiceDefaults.Tests;

/// <summary>
/// A service as a MASH service's Program.cs builds one: AddServiceDefaults, whatever the test adds,
/// MapDefaultEndpoints, on two loopback ports configured the way the AppHost configures them.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly HttpClient management;
    private GrpcChannel? channel;
    private bool stopped;

    private ServiceHost(WebApplication app, int grpcPort, int managementPort)
    {
        App = app;
        GrpcPort = grpcPort;
        ManagementPort = managementPort;
        management = new HttpClient { BaseAddress = ManagementAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }
    public int GrpcPort { get; }
    public int ManagementPort { get; }
    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");
    public Uri ManagementAddress => new($"http://127.0.0.1:{ManagementPort}");
    public IServiceProvider Services => App.Services;

    public GrpcChannel Channel => channel ??= GrpcChannel.ForAddress(GrpcAddress);

    public static async Task<ServiceHost> StartAsync(
        IDictionary<string, string?>? configuration = null,
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? map = null,
        bool slim = true)
    {
        // A free port can be taken by another test process between choosing and binding it: try others.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync(configuration, configure, map, slim);
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < 3)
            {
            }
        }
    }

    private static async Task<ServiceHost> StartOnFreePortsAsync(
        IDictionary<string, string?>? configuration, Action<WebApplicationBuilder>? configure, Action<WebApplication>? map, bool slim)
    {
        var grpcPort = Processes.FreePort();
        var managementPort = Processes.FreePort();
        var options = new WebApplicationOptions
        {
            ApplicationName = typeof(ServiceHost).Assembly.GetName().Name,
            EnvironmentName = "Production",
        };
        var builder = slim ? WebApplication.CreateSlimBuilder(options) : WebApplication.CreateBuilder(options);
        // The environment variables the AppHost sets, in their configuration form.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{managementPort}",
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["ServiceDefaults:Shutdown:Timeout"] = "00:00:10",
            ["Logging:LogLevel:Default"] = "Warning",
            // Every probe of an unready service logs an error; the tests probe unready services on purpose.
            ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "None",
        });
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }
        builder.AddServiceDefaults();
        configure?.Invoke(builder);

        var app = builder.Build();
        map?.Invoke(app);
        app.MapDefaultEndpoints();
        try
        {
            await app.StartAsync().WaitAsync(HangGuard);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new ServiceHost(app, grpcPort, managementPort);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; cancelled after <see cref="HangGuard"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(HangGuard);
        while (!await condition())
        {
            await Task.Delay(50, cts.Token);
        }
    }

    /// <inheritdoc cref="WaitUntilAsync(Func{Task{bool}})"/>
    public static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    public Task<HttpResponseMessage> GetManagementAsync(string path) => management.GetAsync(path);

    /// <summary>/health (or /alive): status code and the per-check report.</summary>
    public async Task<HealthBody> GetHealthAsync(string path = "/health")
    {
        using var response = await management.GetAsync(path);
        var json = await response.Content.ReadAsStringAsync();
        return new HealthBody(response.StatusCode, JsonDocument.Parse(json).RootElement.Clone());
    }

    /// <summary>Polls /health until <paramref name="until"/> holds; returns that report.</summary>
    public async Task<HealthBody> WaitForHealthAsync(Func<HealthBody, bool> until, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? HangGuard);
        HealthBody? last = null;
        while (true)
        {
            last = await GetHealthAsync();
            if (until(last))
            {
                return last;
            }
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"/health never reached the expected state; last: {(int)last.Status} {last.Json}");
            }
            await Task.Delay(50);
        }
    }

    public Task<HealthBody> WaitUntilHealthyAsync() => WaitForHealthAsync(h => h.Status == HttpStatusCode.OK);

    public async Task<ServingStatus> CheckGrpcHealthAsync(string service = "")
    {
        var client = new Health.HealthClient(Channel);
        var response = await client.CheckAsync(new HealthCheckRequest { Service = service }).ResponseAsync.WaitAsync(HangGuard);
        return response.Status;
    }

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await App.StopAsync().WaitAsync(HangGuard);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            channel?.Dispose();
            management.Dispose();
            await App.DisposeAsync();
        }
    }
}

internal sealed record HealthBody(HttpStatusCode Status, JsonElement Json)
{
    /// <summary>The description a check gave, or null.</summary>
    public string? Description(string check) =>
        Json.TryGetProperty("checks", out var checks) && checks.TryGetProperty(check, out var entry) && entry.TryGetProperty("description", out var description)
            ? description.GetString()
            : null;

    public string? CheckStatus(string check) =>
        Json.TryGetProperty("checks", out var checks) && checks.TryGetProperty(check, out var entry) ? entry.GetProperty("status").GetString() : null;
}
