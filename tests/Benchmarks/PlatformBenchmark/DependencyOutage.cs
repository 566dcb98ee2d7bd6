using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;

namespace PlatformBenchmark;

/// <summary>
/// A server the platform shares (PostgreSQL or RabbitMQ) stopped and started again with the
/// dashboard's Stop and Start commands (Aspire's ResourceCommandService; the AppHost's restart
/// supervisor leaves a server stopped that way stopped; SIGKILL if Stop is slow), and asked in its own protocol whether it
/// serves: a query for PostgreSQL, an AMQP handshake for RabbitMQ.
/// </summary>
internal sealed class DependencyOutage(DistributedApplication app, string server)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    // RabbitMQ stops cleanly in a few seconds; PostgreSQL's smart shutdown serves its pooled sessions until they end, which they never do.
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(5);

    // The process id the orchestrator shows for an executable (Aspire's KnownProperties, internal).
    private const string ExecutablePidProperty = "executable.pid";

    public string Server => server;

    /// <summary>
    /// Stops the server with the Stop command and waits until the orchestrator reports it stopped.
    /// A server that has not stopped within <see cref="GracefulStop"/> (PostgreSQL's smart shutdown
    /// waits for every pooled session to end) is killed with SIGKILL, its whole process tree, as a
    /// crash would end it; the Stop command already told the restart supervisor to leave it stopped.
    /// Returns how it ended: "Stop" or "SIGKILL".
    /// </summary>
    public async Task<string> StopAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        var pid = app.ResourceNotifications.TryGetCurrentState(server, out var running)
            ? running.Snapshot.Properties.FirstOrDefault(p => p.Name == ExecutablePidProperty)?.Value : null;
        var stopping = app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(server, KnownResourceCommands.StopCommand, timeout.Token);
        var stopped = app.ResourceNotifications.WaitForResourceAsync(server, KnownResourceStates.TerminalStates, timeout.Token);
        var how = "Stop";
        if (await Task.WhenAny(stopped, Task.Delay(GracefulStop, timeout.Token)) != stopped && pid is not null)
        {
            how = "SIGKILL";
            try
            {
                using var process = Process.GetProcessById(Convert.ToInt32(pid, CultureInfo.InvariantCulture));
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone meanwhile.
            }
        }
        var stop = await stopping;
        if (!stop.Success)
        {
            throw new InvalidOperationException($"Stopping {server} failed: {stop.Message}");
        }
        await stopped;
        return how;
    }

    /// <summary>Starts the server with the Start command; false if it was running already (started by someone else: a finding).</summary>
    public async Task<bool> StartAsync(CancellationToken cancellationToken)
    {
        if (app.ResourceNotifications.TryGetCurrentState(server, out var current) && current.Snapshot.State?.Text == KnownResourceStates.Running)
        {
            return false;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        var start = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(server, KnownResourceCommands.StartCommand, timeout.Token);
        if (!start.Success)
        {
            throw new InvalidOperationException($"Starting {server} failed: {start.Message}");
        }
        return true;
    }

    /// <summary>Asks every 100 ms until the server serves; the moment it first did (a Stopwatch timestamp), or null after <paramref name="timeout"/>.</summary>
    public async Task<long?> UntilServingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var begin = Stopwatch.GetTimestamp();
        var connectionString = await app.GetConnectionStringAsync(server, cancellationToken) ?? throw new InvalidOperationException($"'{server}' has no connection string.");
        while (Stopwatch.GetElapsedTime(begin) < timeout)
        {
            if (await ServesAsync(connectionString, cancellationToken))
            {
                return Stopwatch.GetTimestamp();
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        return null;
    }

    private async Task<bool> ServesAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            if (server == "postgres")
            {
                // No pool: a pooled connection would answer for a server that is gone.
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false, Timeout = 2 }.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var query = new NpgsqlCommand("SELECT 1", connection);
                return await query.ExecuteScalarAsync(cancellationToken) is 1;
            }
            var factory = new ConnectionFactory { Uri = new Uri(connectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(2), AutomaticRecoveryEnabled = false };
            await using var broker = await factory.CreateConnectionAsync(cancellationToken);
            return broker.IsOpen;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
