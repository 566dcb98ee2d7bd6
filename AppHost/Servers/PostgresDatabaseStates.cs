using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Mash.AppHost.Servers;

/// <summary>
/// Shows each PostgreSQL server's databases as the server is: Exited while it is down, Running again
/// once it is back and healthy. It follows the server's own snapshots, in the order the orchestrator
/// gives them, rather than its stop and ready events, which a restart can deliver the wrong way round
/// (a stop handled after the next start left the databases Exited on the dashboard while they served).
/// The first start is <see cref="PostgresBuilderExtensions"/>' (it creates the databases first).
/// </summary>
internal sealed class PostgresDatabaseStates(ResourceNotificationService notifications) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var down = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            if (update.Resource is not PostgresServerResource server)
            {
                continue;
            }
            var state = update.Snapshot.State?.Text;
            if (state is not null && KnownResourceStates.TerminalStates.Contains(state) && down.Add(server.Name))
            {
                await PublishAsync(notifications, server, KnownResourceStates.Exited);
            }
            else if (state == KnownResourceStates.Running && update.Snapshot.HealthStatus == HealthStatus.Healthy && down.Remove(server.Name))
            {
                await PublishAsync(notifications, server, KnownResourceStates.Running);
            }
        }
    }

    /// <summary>Every database of <paramref name="server"/> shown in <paramref name="state"/>.</summary>
    public static async Task PublishAsync(ResourceNotificationService notifications, PostgresServerResource server, string state)
    {
        foreach (var database in server.Databases)
        {
            await notifications.PublishUpdateAsync(database, s => s with
            {
                State = state,
                StartTimeStamp = state == KnownResourceStates.Running ? DateTime.UtcNow : s.StartTimeStamp,
                StopTimeStamp = state == KnownResourceStates.Running ? null : DateTime.UtcNow,
            });
        }
    }
}
