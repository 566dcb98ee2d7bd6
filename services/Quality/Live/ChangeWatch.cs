using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Mash.Quality.Live;

/// <summary>
/// A report now, then again whenever the facts change and the report with them: read again at each
/// change heard (coalesced, at most one read a <see cref="WatchOptions.Coalesce"/>) and at least every
/// <see cref="WatchOptions.Recheck"/>; a read that gives the same report as the last sent is not sent.
/// </summary>
internal sealed class ChangeWatch(FactChanges changes, IOptions<WatchOptions> options, TimeProvider time)
{
    public async IAsyncEnumerable<T> WatchAsync<T>(Func<CancellationToken, Task<T>> read, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        T? last = null;
        while (true)
        {
            var changed = changes.Next;
            var readAt = time.GetUtcNow();
            var report = await read(cancellationToken);
            if (!report.Equals(last))
            {
                last = report;
                yield return report;
            }
            using (var recheck = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(changed, Task.Delay(options.Value.Recheck, time, recheck.Token));
                // A change heard: the recheck's timer goes, rather than lingering a loop per change.
                await recheck.CancelAsync();
            }
            var rest = options.Value.Coalesce - (time.GetUtcNow() - readAt);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, time, cancellationToken);
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
