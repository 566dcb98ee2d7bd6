using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace PlatformBenchmark;

/// <summary>What waits to be delivered: messages ready in the services' queues, and events in their outboxes not yet published.</summary>
internal sealed record QueueSample(long Ready, long Outbox, string Largest)
{
    public long Total => Ready + Outbox;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Ready:N0} ready in the queues, {Outbox:N0} in the outboxes{(Largest.Length > 0 ? $" ({Largest})" : "")}");
}

/// <summary>
/// The depth of every durable queue on the broker and of every service's outbox. The queues are
/// listed once with <c>rabbitmqctl list_queues</c> (the names MassTransit gave them); after that
/// each is asked with a passive <c>queue.declare</c> on a connection of the benchmark's own, which
/// costs the broker next to nothing where rabbitmqctl starts an Erlang VM (a second of CPU).
/// A queue's depth is its ready messages, as the services' own gauge counts them (messages a
/// consumer holds unacknowledged are on their way). rabbitmqctl is used again at a phase's end, for
/// the unacknowledged and the <c>_error</c> queues.
/// </summary>
internal sealed class QueueDepths(string rabbitmqctl, IReadOnlyDictionary<string, string> brokerEnvironment, string broker, IReadOnlyList<string> queues, IReadOnlyList<string> outboxes) : IAsyncDisposable
{
    private const ushort NotFound = 404;
    private const ushort ResourceLocked = 405;

    private IConnection? connection;
    private IChannel? channel;

    public IReadOnlyList<string> Queues => queues;

    public static async Task<QueueDepths> OpenAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var server = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ExecutableResource>().Single(r => r.Name == "rabbitmq");
        var rabbitmqctl = Path.Combine(Path.GetDirectoryName(server.Command)!, "rabbitmqctl");
        // The node's name, Erlang port mapper and cookie (under HOME) as the AppHost gave them to the broker.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (app.ResourceNotifications.TryGetCurrentState("rabbitmq", out var state))
        {
            foreach (var variable in state.Snapshot.EnvironmentVariables.Where(v => v.IsFromSpec && v.Value is not null))
            {
                environment[variable.Name] = variable.Value!;
            }
        }
        var broker = await app.GetConnectionStringAsync("rabbitmq", cancellationToken) ?? throw new InvalidOperationException("'rabbitmq' has no connection string.");
        IReadOnlyList<Listed> listed = [];
        try
        {
            listed = await ListAsync(rabbitmqctl, environment, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // The outboxes are still watched; the queues' depth is then unknown, and said so.
            Console.WriteLine($"  rabbitmqctl could not list the queues, so their depth is not watched: {e.Message}");
        }
        var outboxes = new List<string>();
        foreach (var database in Projections.All.Select(p => p.Database).Prepend("intakedb"))
        {
            var connectionString = Unpooled(await app.GetConnectionStringAsync(database, cancellationToken) ?? throw new InvalidOperationException($"'{database}' has no connection string."));
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT to_regclass('outbox_messages') IS NOT NULL", connection);
            if (await exists.ExecuteScalarAsync(cancellationToken) is true)
            {
                outboxes.Add(connectionString);
            }
        }
        return new QueueDepths(rabbitmqctl, environment, broker, [.. listed.Where(q => !q.Temporary).Select(q => q.Name)], outboxes);
    }

    /// <summary>Every queue's ready messages and every outbox's events now; throws while the broker or PostgreSQL cannot be asked.</summary>
    public async Task<QueueSample> SampleAsync(CancellationToken cancellationToken)
    {
        var depths = new List<(string Queue, long Ready)>();
        foreach (var queue in queues)
        {
            var open = await ChannelAsync(cancellationToken);
            try
            {
                depths.Add((queue, (await open.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount));
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode is NotFound or ResourceLocked)
            {
                // Gone (the broker lost it), or a replica's own queue of another connection: not
                // one the platform's work waits in. The refusal closed the channel.
                await CloseAsync();
            }
            catch
            {
                await CloseAsync();
                throw;
            }
        }
        long outbox = 0;
        foreach (var connectionString in outboxes)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages", connection);
            outbox += (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        var largest = string.Join(", ", depths.Where(d => d.Ready > 0).OrderByDescending(d => d.Ready).Take(3).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Queue} {d.Ready:N0}")));
        return new QueueSample(depths.Sum(d => d.Ready), outbox, largest);
    }

    /// <summary>
    /// Every queue with messages in it, ready or unacknowledged, and every <c>_error</c> queue that
    /// holds any (a consumer gave up on them): what is left at a phase's end. Null when rabbitmqctl failed.
    /// </summary>
    public async Task<string?> LeftAsync(CancellationToken cancellationToken)
    {
        try
        {
            var listed = await ListAsync(rabbitmqctl, brokerEnvironment, cancellationToken);
            var held = listed.Where(q => q.Ready + q.Unacknowledged > 0).ToList();
            return held.Count == 0 ? "every queue empty, no _error queue holds a message"
                : string.Join(", ", held.Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Name} {q.Ready:N0} ready, {q.Unacknowledged:N0} unacknowledged")));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    /// <param name="Temporary">Auto-deleted or exclusive: a replica's own queue (Outcomes' live feed), not a consumer's backlog.</param>
    private sealed record Listed(string Name, bool Temporary, long Ready, long Unacknowledged);

    private static async Task<IReadOnlyList<Listed>> ListAsync(string rabbitmqctl, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(rabbitmqctl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-q", "list_queues", "--no-table-headers", "name", "auto_delete", "exclusive", "messages_ready", "messages_unacknowledged"])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl list_queues exited {process.ExitCode}: {(await errors).Trim()}");
        }
        var listed = new List<Listed>();
        foreach (var line in (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length == 5 && long.TryParse(fields[3], CultureInfo.InvariantCulture, out var ready) && long.TryParse(fields[4], CultureInfo.InvariantCulture, out var unacknowledged))
            {
                listed.Add(new Listed(fields[0], fields[1] == "true" || fields[2] == "true", ready, unacknowledged));
            }
        }
        return listed;
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (connection is not { IsOpen: true })
        {
            await CloseAsync();
            connection = await new ConnectionFactory
            {
                Uri = new Uri(broker),
                AutomaticRecoveryEnabled = false,
                TopologyRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
                ClientProvidedName = "platform-benchmark queue depths",
            }.CreateConnectionAsync(cancellationToken);
        }
        if (channel is not { IsOpen: true })
        {
            channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        }
        return channel;
    }

    private async Task CloseAsync()
    {
        foreach (IAsyncDisposable? disposable in (IAsyncDisposable?[])[channel, connection])
        {
            try
            {
                if (disposable is not null)
                {
                    await disposable.DisposeAsync();
                }
            }
            catch (Exception)
            {
                // Already broken: nothing more to close.
            }
        }
        (channel, connection) = (null, null);
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    private static string Unpooled(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        ApplicationName = "platform-benchmark",
        Pooling = false,
        Timeout = 5,
        CommandTimeout = 30,
    }.ConnectionString;
}
