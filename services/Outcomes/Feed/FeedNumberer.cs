using Mash.ServiceDefaults;

namespace Mash.Outcomes.Feed;

/// <summary>
/// Numbers the board's feed as outcomes are recorded: woken by each recording on this replica, and
/// looking every <see cref="CheckEvery"/> besides, for items another replica left when it stopped.
/// </summary>
internal sealed partial class FeedNumberer(FeedNumbering numbering, ILogger<FeedNumberer> logger, DatabaseMigrationStatus? migrations = null) : BackgroundService
{
    internal static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

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
                while (await numbering.NumberAsync(stoppingToken) == FeedNumbering.BatchSize)
                {
                }
                await numbering.WaitAsync(CheckEvery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // PostgreSQL down, chiefly: nothing was numbered (the transaction rolled back); try again.
                LogNumberingFailed(ex);
                await Task.Delay(CheckEvery, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Numbering the board's feed failed; trying again.")]
    private partial void LogNumberingFailed(Exception exception);
}
