namespace Mash.Testing.Servers;

/// <summary>A throwaway Redis on a free loopback port.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string directory;

    private RedisServer(string directory, int port)
    {
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(string root)
    {
        var redis = Processes.Require("Redis", "apt-get install -y redis-server", "/usr/bin/redis-server", "/usr/local/bin/redis-server");
        var directory = Path.Combine(root, "redis");
        Directory.CreateDirectory(directory);
        var port = Processes.FreePort();
        await Processes.RunAsync(redis,
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", directory,
            "--daemonize", "yes", "--pidfile", Path.Combine(directory, "redis.pid"), "--logfile", Path.Combine(directory, "redis.log"),
        ]);
        await Processes.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        return new RedisServer(directory, port);
    }

    public async ValueTask DisposeAsync()
    {
        // By its PID (it daemonized itself), never by name.
        var pidFile = Path.Combine(directory, "redis.pid");
        if (File.Exists(pidFile) && int.TryParse(await File.ReadAllTextAsync(pidFile), out var pid))
        {
            await Stop.ByPidAsync(pid);
        }
    }
}
