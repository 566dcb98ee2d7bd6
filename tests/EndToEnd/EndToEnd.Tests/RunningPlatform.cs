using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace EndToEnd.Tests;

/// <summary>
/// The whole platform as an operator runs it: <c>dotnet AppHost.dll</c> with its own stack name, state
/// directory and ports, so it can run beside a developer's stack. Stopped with Ctrl+C (SIGINT).
/// </summary>
internal sealed class RunningPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private readonly ChildProcess appHost;
    private readonly string stateDirectory;

    private RunningPlatform(ChildProcess appHost, string stateDirectory, Uri dashboard)
    {
        this.appHost = appHost;
        this.stateDirectory = stateDirectory;
        Dashboard = dashboard;
    }

    public Uri Dashboard { get; }
    public string Output => appHost.Stdout + appHost.Stderr;

    public static async Task<RunningPlatform> StartAsync()
    {
        var stateDirectory = Directory.CreateTempSubdirectory("mash-e2e-").FullName;
        // PostgreSQL runs as its own user when the tests run as root: it must be able to enter the state directory.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stateDirectory, (UnixFileMode)0b111_101_101);
        }
        var dashboardPort = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["MASH_STACK"] = $"e2e{Environment.ProcessId}",
            ["MASH_STATE_DIR"] = stateDirectory,
            ["MASH_DASHBOARD_PORT"] = dashboardPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MASH_OTLP_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NO_COLOR"] = "1",
        };
        var appHost = ChildProcess.Start(ToolPaths.DotnetHost, [EndToEndPaths.AppHostDll], Path.GetDirectoryName(EndToEndPaths.AppHostDll)!, environment);
        var platform = new RunningPlatform(appHost, stateDirectory, new Uri($"http://127.0.0.1:{dashboardPort}/"));
        try
        {
            await appHost.WaitForLineAsync(line => line.Contains("Distributed application started.", StringComparison.Ordinal), StartTimeout);
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
        return platform;
    }

    public async Task<IReadOnlyList<Resource>> GetResourcesAsync()
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<List<Resource>>(new Uri(Dashboard, "api/resources")) ?? [];
    }

    /// <summary>Ctrl+C, then true if the AppHost exited on its own in time.</summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        appHost.Interrupt();
        return await appHost.WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromMinutes(1));
        appHost.Dispose();
        try
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the OS to clean; it is under the temp directory.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed record Resource(string Name, string Type, string State, string? Health, IReadOnlyList<ResourceEndpoint> Endpoints, int? Pid)
{
    public string GrpcAddress => new Uri(Endpoints.Single(e => e.Name == "grpc").Url).Authority;
}

internal sealed record ResourceEndpoint(string Name, string Url);
