using System.Globalization;
using System.Net;
using System.Text;
using Mash.Testing.Servers;

namespace Mash.Testing.Services;

/// <summary>
/// A MASH service run as production runs it, <c>dotnet Service.dll</c> in a process of its own,
/// configured only through environment variables (as the AppHost configures it): gRPC and the
/// management port on loopback ports chosen once, so a restart comes back where clients look.
/// <see cref="Kill"/> is <c>kill -9</c>: no shutdown hooks, no draining, whatever was in flight is lost.
/// Disposing kills it too. The output of every run (killed ones included) stays in <see cref="Output"/>.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly string dll;
    private readonly Dictionary<string, string> environment;
    private readonly HttpClient management;
    private readonly StringBuilder earlierRuns = new();
    private ChildProcess? process;
    private int runs;

    /// <param name="dll">The service's built entry assembly (see <see cref="ServiceBuild.PrivateCopyAsync"/>).</param>
    /// <param name="environment">Its configuration (<c>ConnectionStrings__postgres</c>, <c>Section__Key</c>, …); the Kestrel endpoints are added.</param>
    public ServiceProcess(string dll, IReadOnlyDictionary<string, string> environment)
    {
        this.dll = dll;
        GrpcPort = Processes.FreePort();
        ManagementPort = Processes.FreePort();
        this.environment = new Dictionary<string, string>(environment)
        {
            // The names the AppHost uses (KestrelEndpoints in ServiceDefaults reads them).
            ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{GrpcPort}",
            ["Kestrel__Endpoints__grpc__Protocols"] = "Http2",
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{ManagementPort}",
            ["Kestrel__Endpoints__http__Protocols"] = "Http1",
        };
        // Inherited from a developer's shell, these would add listeners beside the endpoints.
        foreach (var name in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_HTTP_PORTS" })
        {
            this.environment.TryAdd(name, "");
        }
        management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ManagementPort}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public int GrpcPort { get; }
    public int ManagementPort { get; }
    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    /// <summary>How many times it has been started.</summary>
    public int Runs => runs;

    public bool IsRunning => process is not null;

    /// <summary>Everything every run printed, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            var current = process is null ? "" : Describe(process, runs);
            return earlierRuns + current;
        }
    }

    /// <summary>Starts it (or starts it again after <see cref="Kill"/>) and waits until <c>/health</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (process is not null)
        {
            throw new InvalidOperationException("Already running: Kill it first.");
        }
        runs++;
        process = ChildProcess.Start(ToolPaths.DotnetHost, [dll], Path.GetDirectoryName(dll)!, environment);
        await WaitUntilHealthyAsync(timeout);
    }

    /// <summary>Polls <c>/health</c> until it answers 200; fails with the output if the process exits or the time runs out.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var running = process ?? throw new InvalidOperationException("Not running.");
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (true)
        {
            if (running.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited before it was healthy.\n{Output}");
            }
            try
            {
                using var response = await management.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Path.GetFileName(dll)} was not healthy within {timeout.TotalSeconds:0} s; /health last said: {last}\n{Output}");
            }
            await Task.Delay(HealthPollInterval);
        }
    }

    /// <summary><c>kill -9</c>, and waits until it is gone (its ports are then free for a restart).</summary>
    public void Kill()
    {
        var running = process ?? throw new InvalidOperationException("Not running.");
        process = null;
        // ChildProcess ends a process with Process.Kill, which is SIGKILL on Linux and macOS.
        running.Dispose();
        earlierRuns.Append(Describe(running, runs)).Append("(killed)\n");
    }

    public ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            Kill();
        }
        management.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Describe(ChildProcess run, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"--- run {number}: stdout ---\n{run.Stdout.TrimEnd()}\n--- run {number}: stderr ---\n{run.Stderr.TrimEnd()}\n");
}
