using Mash.ServiceDefaults;

namespace Mash.Timeliness.Reporting;

/// <summary>
/// Takes the backlog's snapshot at every slot (Timeliness:Backlog:SnapshotEvery) while the service
/// runs: at start, the current slot's if nobody has, then each slot as it begins. A slot missed
/// (the service down, the database unreachable) is computed from the facts when a series reads it.
/// </summary>
internal sealed partial class BacklogSnapshotService(
    BacklogSnapshots snapshots,
    BacklogSlots slots,
    TimeProvider time,
    ILogger<BacklogSnapshotService> logger,
    DatabaseMigrationStatus? migrations = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (migrations is not null)
        {
            await migrations.WaitUntilCompletedAsync(stoppingToken);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var slot = slots.Latest(time.GetUtcNow());
            await TakeAsync(slot, stoppingToken);
            var untilNext = slot + slots.Every - time.GetUtcNow();
            await Task.Delay(untilNext > TimeSpan.Zero ? untilNext : TimeSpan.Zero, time, stoppingToken);
        }
    }

    private async Task TakeAsync(DateTimeOffset slot, CancellationToken stoppingToken)
    {
        try
        {
            await snapshots.TakeAsync(slot, stoppingToken);
        }
        // A missed snapshot is not worth stopping Timeliness's clocks for: the slot can still be computed.
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogMissed(slot, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The backlog's snapshot at {Slot} was not taken ({Reason}); a series will compute that slot from the facts")]
    private partial void LogMissed(DateTimeOffset slot, string reason);
}
