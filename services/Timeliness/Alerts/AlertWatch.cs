using System.Runtime.CompilerServices;

namespace Mash.Timeliness.Alerts;

/// <summary>
/// A watcher's alerts, page by page: the log from its resume position, then each new alert as it
/// appears, whichever replica raised it (this replica's scheduler wakes it at once; others' are
/// found within <see cref="AlertOptions.WatchPollInterval"/>). Nothing is skipped or repeated, as
/// the log is read in sequence order from where the last page ended.
/// </summary>
internal sealed class AlertWatch(AlertLog log, AlertSignals signals, TimeProvider time, AlertOptions options)
{
    internal const int PageSize = 500;

    /// <summary>The teams a watcher may name.</summary>
    public IReadOnlySet<string> Teams { get; } = options.TeamNames;

    public async IAsyncEnumerable<IReadOnlyList<RaisedAlert>> PagesAsync(long after, AlertFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var through = after;
        while (true)
        {
            // Taken before reading: alerts raised while the page is read still wake the wait.
            var raised = signals.AlertsRaised.Next;
            var page = await log.ReadAsync(through, filter, PageSize, cancellationToken);
            through = page.Through;
            if (page.Alerts.Count > 0)
            {
                yield return page.Alerts;
            }
            if (!page.More)
            {
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny(Task.Delay(options.WatchPollInterval, time, waiting.Token), raised.WaitAsync(waiting.Token));
                await waiting.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
