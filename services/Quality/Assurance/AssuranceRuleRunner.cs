using Mash.Quality.Live;
using Mash.Quality.Periods;
using Mash.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Mash.Quality.Assurance;

/// <summary>
/// Evaluates the quarter as of now whenever the facts change it (as <c>WatchAssurance</c> does) and
/// raises the audits and watches its rules call for. Every replica runs it: the raising is
/// idempotent. A failed pass (the database away) is logged and tried again at the next recheck.
/// </summary>
internal sealed partial class AssuranceRuleRunner(
    AssuranceReader reader,
    RuleActionRaiser raiser,
    ChangeWatch watch,
    IOptions<WatchOptions> options,
    TimeProvider time,
    ILogger<AssuranceRuleRunner> logger,
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
            try
            {
                await foreach (var quarter in watch.WatchAsync(AssessAsync, stoppingToken))
                {
                    await raiser.RaiseAsync(quarter.Assessments, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e.Message);
                await Task.Delay(options.Value.Recheck, time, stoppingToken);
            }
        }
    }

    private async Task<AssessedQuarter> AssessAsync(CancellationToken cancellationToken) =>
        new(await reader.AssessAsync(PeriodKind.Quarter, time.GetUtcNow().UtcDateTime, cancellationToken));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The assurance rules were not applied ({Reason}); trying again at the next recheck")]
    private partial void LogFailed(string reason);
}
