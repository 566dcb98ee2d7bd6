using Mash.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Mash.Timeliness.Alerts;

/// <summary>
/// Raises each alert at its moment: raises whatever is due, then sleeps until the earliest moment
/// still to come (woken early when this replica writes a deadline, and never longer than
/// <see cref="AlertOptions.CheckEvery"/>, so other replicas' deadlines are found too). The moments
/// live in the database, so a Timeliness that was down raises what fell due meanwhile on its first pass.
/// </summary>
internal sealed partial class AlertScheduler(
    AlertFiring firing,
    AlertSignals signals,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertScheduler> logger,
    DatabaseMigrationStatus? migrations = null) : BackgroundService
{
    private readonly TimeSpan checkEvery = options.Value.CheckEvery;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (migrations is not null)
        {
            await migrations.WaitUntilCompletedAsync(stoppingToken);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Before looking: a deadline written while this pass looks still wakes the sleep.
                signals.SchedulerLooking();
                var written = signals.DeadlineWritten.Next;
                await RaiseDueAsync(stoppingToken);
                await SleepAsync(await firing.NextMomentAsync(stoppingToken), written, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // PostgreSQL down, chiefly: nothing was raised (the transaction rolled back); try again.
                LogRaiseFailed(ex);
                await Task.Delay(checkEvery, time, stoppingToken);
            }
        }
    }

    /// <summary>Raises every alert due now, a batch at a time; returns how many.</summary>
    public async Task<int> RaiseDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var raised = await firing.FireDueAsync(time.GetUtcNow(), cancellationToken);
            total += raised.Count;
            if (raised.Count < options.Value.BatchSize)
            {
                return total;
            }
        }
    }

    private async Task SleepAsync(DateTimeOffset? next, Task written, CancellationToken stoppingToken)
    {
        var wait = next is { } moment ? moment - time.GetUtcNow() : checkEvery;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }
        // Timers count whole milliseconds: rounded down, the scheduler would wake just before the moment and look twice.
        wait = wait < checkEvery ? TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)) : checkEvery;
        signals.SchedulerSleepingUntil(time.GetUtcNow() + wait);
        using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAny(Task.Delay(wait, time, sleeping.Token), written.WaitAsync(sleeping.Token));
        await sleeping.CancelAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raising due alerts failed; trying again.")]
    private partial void LogRaiseFailed(Exception exception);
}
