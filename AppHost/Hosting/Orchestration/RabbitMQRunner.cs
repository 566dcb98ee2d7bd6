using Mash.Hosting.Processes;

namespace Mash.Hosting.Orchestration;

/// <summary>
/// <c>rabbitmq-server</c> in the foreground (its script turns SIGTERM into a clean stop), with
/// every file under its state directory and an epmd of its own on a port of its own
/// (ERL_EPMD_PORT), so stacks side by side never share, or stop, each other's epmd.
/// </summary>
internal sealed class RabbitMQRunner(RabbitMQServerResource rabbit, RunContext context) : ServerRunner(rabbit, context)
{
    private static readonly string? Sbin = InfrastructureBinaries.RabbitMQSbin;

    // epmd's NAMES_REQ (length 1, 'n'): a probe epmd answers instead of logging a broken packet.
    private static readonly byte[] EpmdNamesRequest = [0, 1, (byte)'n'];
    private ChildProcess? _epmd;

    private string EpmdName => $"{rabbit.Name}-epmd";

    private string NodeName => $"{Context.Settings.StackName}-{rabbit.Name}@localhost";

    private int EpmdPort => rabbit.GetEndpoint("epmd").AllocatedPort;

    protected override string? MissingBinaries => Sbin is null || InfrastructureBinaries.Epmd is null
        ? "RabbitMQ is not installed: apt-get install rabbitmq-server" : null;

    // Boots in 7-16 s on an idle two-core machine; give a busy one room.
    protected override TimeSpan ReadyTimeout => TimeSpan.FromSeconds(180);

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(StateDirectory, "enabled_plugins"), "[].", cancellationToken);
        _epmd = ChildProcess.Start(
            new ProcessSpec(InfrastructureBinaries.Epmd!, ["-port", $"{EpmdPort}", "-address", "127.0.0.1"]) { WorkingDirectory = StateDirectory },
            (line, err) => Log($"epmd: {line}", err));
        Context.Pids.Record(EpmdName, _epmd.Id, Posix.SIGTERM, PidFiles.EpmdOrder);
        while (!await Tcp.CanConnectAsync(EpmdPort, cancellationToken, EpmdNamesRequest))
        {
            if (_epmd.HasExited)
            {
                throw new InvalidOperationException($"epmd exited with code {_epmd.Exited.Result}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    protected override ProcessSpec Spec() => Script("rabbitmq-server");

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        await Tcp.CanConnectAsync(Port, cancellationToken)
        && (await Command.RunAsync(Script("rabbitmqctl", "-n", NodeName, "await_startup"), TimeSpan.FromSeconds(120), cancellationToken: cancellationToken)).Succeeded;

    protected override async Task<bool> RequestStopAsync(CancellationToken force)
    {
        var result = await Command.RunAsync(Script("rabbitmqctl", "-n", NodeName, "stop"), TimeSpan.FromSeconds(60), cancellationToken: force);
        if (!result.Succeeded)
        {
            Log($"rabbitmqctl stop: {result.Output.Trim()}", isError: true);
        }

        return result.Succeeded;
    }

    /// <summary>Only the epmd this runner started, by its pid, once the node is gone.</summary>
    protected override async Task AfterStopAsync(CancellationToken force)
    {
        if (_epmd is { } epmd)
        {
            await epmd.StopAsync(Posix.SIGTERM, TimeSpan.FromSeconds(5), force);
            Context.Pids.Remove(EpmdName);
        }
    }

    protected override void OnFailedToStart(string message) => _ = AfterStopAsync(CancellationToken.None);

    private ProcessSpec Script(string name, params string[] args) => new(Path.Combine(Sbin!, name), args)
    {
        WorkingDirectory = StateDirectory,
        Environment = new Dictionary<string, string?>
        {
            // The Erlang cookie lives in HOME; the server and rabbitmqctl must read the same one.
            ["HOME"] = StateDirectory,
            ["ERL_EPMD_PORT"] = $"{EpmdPort}",
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = $"{Port}",
            ["RABBITMQ_DIST_PORT"] = $"{rabbit.GetEndpoint("dist").AllocatedPort}",
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(StateDirectory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(StateDirectory, "log"),
            ["RABBITMQ_LOGS"] = "-", // to stdout, hence to our console and the ops page
            ["RABBITMQ_PID_FILE"] = Path.Combine(StateDirectory, "rabbitmq.pid"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(StateDirectory, "enabled_plugins"),
            // Point every machine-wide file at absent ones under the state directory: /etc/rabbitmq stays out of it.
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(StateDirectory, "rabbitmq"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(StateDirectory, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(StateDirectory, "rabbitmq-env.conf"),
        },
    };
}
