using System.Diagnostics;
using System.Globalization;

namespace Mash.Testing.Servers;

/// <summary>
/// A throwaway RabbitMQ node (ENVIRONMENT.md's commands) with an epmd of its own on a private
/// port (ERL_EPMD_PORT), so it neither needs nor leaves behind the machine-wide epmd on 4369
/// and cannot collide with another node running here.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const string InstallHint = "apt-get install -y rabbitmq-server";
    private readonly string directory;
    private readonly string server;
    private readonly string rabbitmqctl;
    private readonly Dictionary<string, string> environment;
    private readonly Process epmd;

    private RabbitMqServer(string directory, string server, string rabbitmqctl, Dictionary<string, string> environment, Process epmd, int port)
    {
        this.directory = directory;
        this.server = server;
        this.rabbitmqctl = rabbitmqctl;
        this.environment = environment;
        this.epmd = epmd;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}";

    /// <summary>
    /// A started broker. A node that fails to boot (seen now and then on a loaded machine: the
    /// rabbit application stops during start) is cleared away and one more is tried from scratch.
    /// </summary>
    public static async Task<RabbitMqServer> StartAsync(string root)
    {
        try
        {
            return await StartOnceAsync(Path.Combine(root, "rabbitmq"));
        }
        catch (InvalidOperationException)
        {
            return await StartOnceAsync(Path.Combine(root, "rabbitmq-again"));
        }
    }

    private static async Task<RabbitMqServer> StartOnceAsync(string directory)
    {
        var server = Processes.Require("RabbitMQ", InstallHint, "/usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin/rabbitmq-server");
        var rabbitmqctl = Path.Combine(Path.GetDirectoryName(server)!, "rabbitmqctl");
        var epmdPath = Processes.Require("Erlang's epmd", InstallHint, "/usr/bin/epmd", "/usr/lib/erlang/erts-*/bin/epmd");

        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[].");
        // A test machine's disk may be nearly full; the default 50 MB alarm would block publishers.
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq.conf"), "disk_free_limit.absolute = 1MB\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq-env.conf"), "");

        var epmdPort = Processes.FreePort();
        var port = Processes.FreePort();
        var distPort = Processes.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = directory,
            ["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_NODENAME"] = $"sdtests{Guid.NewGuid():N}"[..16] + "@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rmq.pid"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
        };

        // Our own child, in the foreground, so Dispose can end it by its PID.
        var epmdStart = new ProcessStartInfo(epmdPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-port", environment["ERL_EPMD_PORT"], "-address", "127.0.0.1" })
        {
            epmdStart.ArgumentList.Add(argument);
        }
        var epmd = Process.Start(epmdStart) ?? throw new InvalidOperationException("Could not start epmd.");
        var rabbit = new RabbitMqServer(directory, server, rabbitmqctl, environment, epmd, port);
        try
        {
            await Processes.WaitForPortAsync(epmdPort, TimeSpan.FromSeconds(10));
            await rabbit.StartNodeAsync();
            return rabbit;
        }
        catch
        {
            await rabbit.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the broker (<c>rabbitmqctl stop</c>: clients see their connections close), keeping
    /// its node name, port and data (durable queues and their persistent messages) for
    /// <see cref="StartAgainAsync"/>: RabbitMQ going down under a running service.
    /// </summary>
    public async Task StopAsync()
    {
        var pidFile = environment["RABBITMQ_PID_FILE"];
        await Processes.RunAsync(rabbitmqctl, ["stop", pidFile], environment, TimeSpan.FromSeconds(60));
        // A stale PID file would have StartAgainAsync's `wait` watch the old, dead node.
        File.Delete(pidFile);
    }

    /// <summary>Starts the broker <see cref="StopAsync"/> stopped, as the same node on the same port; returns once it takes connections.</summary>
    public Task StartAgainAsync() => StartNodeAsync();

    private async Task StartNodeAsync()
    {
        await Processes.RunAsync(server, ["-detached"], environment);
        // `rabbitmq-diagnostics ping` answers before the broker is up, and await_startup fails
        // at once if the node has not yet registered with epmd; `wait` on the PID file waits
        // for the node to appear and then for the broker to be up.
        await Processes.RunAsync(rabbitmqctl, ["wait", environment["RABBITMQ_PID_FILE"], "--timeout", "90"], environment, TimeSpan.FromSeconds(120));
        await Processes.WaitForPortAsync(Port, TimeSpan.FromSeconds(30), Log);
    }

    /// <summary>rabbitmqctl with this node's environment (list_exchanges, list_queues, ...).</summary>
    public Task<string> CtlAsync(params string[] arguments) => Processes.RunAsync(rabbitmqctl, arguments, environment);

    private string Log()
    {
        var log = Directory.Exists(Path.Combine(directory, "log"))
            ? Directory.EnumerateFiles(Path.Combine(directory, "log"), "*.log").FirstOrDefault()
            : null;
        return log is null ? "(no log)" : File.ReadAllText(log)[^Math.Min(4000, (int)new FileInfo(log).Length)..];
    }

    public async ValueTask DisposeAsync()
    {
        var pidFile = Path.Combine(directory, "rmq.pid");
        if (File.Exists(pidFile))
        {
            try
            {
                await Processes.RunAsync(rabbitmqctl, ["stop", pidFile], environment, TimeSpan.FromSeconds(60));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                if (int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid))
                {
                    await Stop.ByPidAsync(pid);
                }
            }
        }
        if (!epmd.HasExited)
        {
            epmd.Kill();
            await epmd.WaitForExitAsync();
        }
        epmd.Dispose();
    }
}
