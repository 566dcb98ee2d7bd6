using Mash.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Mash.AppHost.Servers;

public static class RabbitMQBuilderExtensions
{
    /// <summary>
    /// RabbitMQ as a process (<c>rabbitmq-server</c> in the foreground; SIGTERM stops it cleanly),
    /// every file of it under the stack's state directory. Used like Aspire's <c>AddRabbitMQ</c>;
    /// healthy once it completes an AMQP handshake. Erlang's port mapper runs beside it as a
    /// resource of its own (<c>&lt;name&gt;-epmd</c>) on a port of its own, so that it stops with the
    /// AppHost instead of staying behind as the broker's daemon would.
    /// </summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQProcess(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var directory = builder.CreateStateDirectory(name);
        var rabbitmq = new RabbitMQServerResource(name, Path.Combine(DebianServers.RabbitMQSbin, "rabbitmq-server"), directory);
        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), "[].");

        // Ports of Erlang's distribution (node to node, and rabbitmqctl): loopback only, never proxied.
        var epmdPort = LoopbackPorts.Reserve();
        // Healthy once it listens: the broker, started too early, would start a daemon of its own.
        var epmdCheckKey = $"{name}-epmd_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(epmdCheckKey, ct => EpmdHealthCheck.CheckAsync(epmdPort, ct));
        var epmd = builder.AddExecutable($"{name}-epmd", DebianServers.Epmd, directory, "-port", $"{epmdPort}", "-address", "127.0.0.1")
            .WithParentRelationship(rabbitmq)
            .WithIconName("PlugConnected")
            .WithHealthCheck(epmdCheckKey);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(rabbitmq, async (_, ct) =>
            connectionString = await rabbitmq.ConnectionStringExpression.GetValueAsync(ct));

        var healthCheckKey = $"{name}_check";
        IConnection? connection = null;
        builder.Services.AddHealthChecks().AddRabbitMQ(async _ =>
            connection is { IsOpen: true } ? connection
                : connection = await new ConnectionFactory { Uri = new Uri(connectionString!) }.CreateConnectionAsync(), name: healthCheckKey);

        var endpoint = rabbitmq.PrimaryEndpoint;
        return builder.AddResource(rabbitmq)
            .WithLoopbackEndpoint(RabbitMQServerResource.PrimaryEndpointName)
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                env["HOME"] = directory; // the Erlang cookie
                env["ERL_EPMD_PORT"] = $"{epmdPort}";
                env["RABBITMQ_NODENAME"] = $"mash-{builder.GetStackName()}@localhost";
                env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                env["RABBITMQ_NODE_PORT"] = endpoint.Property(EndpointProperty.TargetPort);
                env["RABBITMQ_DIST_PORT"] = $"{LoopbackPorts.Reserve()}";
                // Erlang's schedulers spin while idle by default, taking cores the services need on a small
                // machine shared with them; these let them sleep (RabbitMQ's own advice for shared hosts).
                env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none";
                env["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
                env["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
                env["RABBITMQ_LOGS"] = "-"; // to the console, hence to the dashboard
                env["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid");
                env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins");
                // Files that do not exist, so the machine's /etc/rabbitmq stays out of it.
                env["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq");
                env["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "advanced.config");
                env["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf");
            })
            .WaitFor(epmd)
            .WithIconName("Mailbox")
            .WithHealthCheck(healthCheckKey);
    }
}
