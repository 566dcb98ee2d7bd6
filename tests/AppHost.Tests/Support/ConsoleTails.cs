using System.Collections.Concurrent;

namespace Mash.AppHost.Tests.Support;

/// <summary>
/// The last lines each resource wrote to its console, as the dashboard shows them, and every
/// message MassTransit gave up on (<c>R-FAULT</c>: moved to an _error queue): what a failure
/// message quotes.
/// </summary>
internal sealed partial class ConsoleTails : IAsyncDisposable
{
    private const int Kept = 60;
    private const int LineLength = 400;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> tails = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> faults = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> watchers = [];

    /// <summary>Watches every resource of the application's model, from now on.</summary>
    public ConsoleTails(DistributedApplication app)
    {
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var resource in model.Resources.Where(r => r is not ParameterResource))
        {
            var tail = tails.GetOrAdd(resource.Name, _ => new());
            var faulted = faults.GetOrAdd(resource.Name, _ => new());
            watchers.Add(Task.Run(async () =>
            {
                var afterFault = false;
                await foreach (var batch in loggers.WatchAsync(resource).WithCancellation(stop.Token))
                {
                    foreach (var line in batch)
                    {
                        var plain = Colours().Replace(line.Content, "");
                        var content = plain.Length <= LineLength ? plain : plain[..LineLength] + " …";
                        if (content.Contains("R-FAULT", StringComparison.Ordinal) || afterFault)
                        {
                            // The fault and the exception's first line after it.
                            faulted.Enqueue(content.Trim());
                        }
                        afterFault = content.Contains("R-FAULT", StringComparison.Ordinal);
                        tail.Enqueue(content);
                        while (tail.Count > Kept && tail.TryDequeue(out _))
                        {
                        }
                    }
                }
            }));
        }
    }

    public string Tail(string resource, int lines = 25) =>
        tails.TryGetValue(resource, out var tail)
            ? $"--- {resource}'s console, last {Math.Min(lines, tail.Count)} lines ---\n{string.Join('\n', tail.TakeLast(lines))}"
            : $"--- {resource}: no console ---";

    /// <summary>How many messages the resource's consumers moved to an _error queue, with the first few and why.</summary>
    public string Faults(string resource)
    {
        var lines = faults.TryGetValue(resource, out var faulted) ? faulted.ToList() : [];
        var count = lines.Count(l => l.Contains("R-FAULT", StringComparison.Ordinal));
        return count == 0 ? $"{resource}: no message moved to an _error queue (no R-FAULT in its console)"
            : $"{resource}: {count} message(s) moved to an _error queue (R-FAULT in its console), first:\n{string.Join('\n', lines.Take(6))}";
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(watchers).ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    // The console logger's ANSI colours, which a failure message prints as noise.
    [System.Text.RegularExpressions.GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial System.Text.RegularExpressions.Regex Colours();
}
