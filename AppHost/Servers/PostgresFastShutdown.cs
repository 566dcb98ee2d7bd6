using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mash.AppHost.Servers;

/// <summary>
/// Shuts PostgreSQL down cleanly when the AppHost stops. The orchestrator stops a process with
/// SIGTERM, which PostgreSQL takes as a smart shutdown: it waits for every client session to end,
/// the pools (the AppHost's own health check among them) never end theirs, and it was killed
/// instead, so every start replayed the WAL. <c>pg_ctl stop -m fast</c> ends the sessions,
/// checkpoints and exits, before the orchestrator gets to it (hosted services stop in reverse order
/// of registration, and this one is registered after Aspire's).
/// </summary>
internal sealed partial class PostgresFastShutdown(DistributedApplicationModel model, ILogger<PostgresFastShutdown> logger) : IHostedService
{
    private const int WaitSeconds = 20;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(model.Resources.OfType<PostgresServerResource>().Select(server => StopServerAsync(server, cancellationToken)));

    private async Task StopServerAsync(PostgresServerResource server, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(server.DataDirectory, "postmaster.pid")))
        {
            return;
        }
        var (command, prefix) = ServerTools.AsUser(PostgresServerResource.UserName, Path.Combine(DebianServers.PostgresBin, "pg_ctl"));
        try
        {
            await ServerTools.RunAsync(command, [.. prefix, "stop", "-D", server.DataDirectory, "-m", "fast", "-w", "-t", $"{WaitSeconds}"], server.WorkingDirectory, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Not running after all (a stale pid file), or not stopped in time: the orchestrator's stop follows.
            LogNotStopped(logger, server.Name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL '{Server}' was not shut down cleanly before the AppHost stopped it.")]
    private static partial void LogNotStopped(ILogger logger, string server, Exception exception);
}
