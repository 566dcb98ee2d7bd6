using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace PlatformBenchmark;

/// <summary>
/// The warnings and errors each service writes to its console while the benchmark runs (the
/// console logger's "warn:", "fail:" and "crit:" lines, read from Aspire's ResourceLoggerService),
/// counted by service with the first error's line, so a phase's figures come with what the services
/// complained about meanwhile.
/// </summary>
internal sealed partial class ServiceLogs : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Counts> counts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Task[] watchers;

    public ServiceLogs(IServiceProvider services, IEnumerable<string> resources)
    {
        var logs = services.GetRequiredService<ResourceLoggerService>();
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        // Logs are kept by the orchestrator's id for the resource's process (e.g. "intake-abcdefgh"), not its name.
        watchers = [.. resources.Select(resource => Task.Run(() => WatchAsync(logs,
            notifications.TryGetCurrentState(resource, out var current) ? current.ResourceId : resource, resource)))];
    }

    /// <summary>Each service's warnings and errors so far, e.g. "quality 3 warnings, 12 errors (first: ...)"; null when none wrote any.</summary>
    public string? Describe()
    {
        var lines = counts.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Where(c => c.Value.Warnings > 0 || c.Value.Errors > 0)
            .Select(c => $"{c.Key} {c.Value.Warnings:N0} warnings, {c.Value.Errors:N0} errors" + (c.Value.FirstError is { } first ? $" (first: {first})" : ""))
            .ToList();
        return lines.Count == 0 ? null : string.Join("; ", lines);
    }

    /// <summary>The console lines read from each service, to show the tally was listening.</summary>
    public string Lines() => string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {Interlocked.Read(ref c.Value.Lines):N0}"));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var watcher in watchers)
        {
            try
            {
                await watcher;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }
        stop.Dispose();
    }

    private async Task WatchAsync(ResourceLoggerService logs, string resourceId, string resource)
    {
        var tally = counts.GetOrAdd(resource, _ => new Counts());
        var errorFollows = false;
        await foreach (var batch in logs.WatchAsync(resourceId).WithCancellation(stop.Token))
        {
            foreach (var line in batch)
            {
                Interlocked.Increment(ref tally.Lines);
                // The AppHost lets the console logger colour its output for the dashboard: "\e[33m\e[1mwarn\e[39m...: ".
                var content = AnsiEscapes().Replace(line.Content, "");
                if (errorFollows)
                {
                    // The console logger puts the level and category on one line and the message on the next.
                    var message = content.Trim();
                    tally.FirstError ??= message.Length > 200 ? message[..200] + "..." : message;
                    errorFollows = false;
                }
                if (content.Contains("warn: ", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref tally.Warnings);
                }
                else if (content.Contains("fail: ", StringComparison.Ordinal) || content.Contains("crit: ", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref tally.Errors);
                    errorFollows = tally.FirstError is null;
                }
            }
        }
    }

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex AnsiEscapes();

    private sealed class Counts
    {
        public long Lines;
        public long Warnings;
        public long Errors;
        public string? FirstError;
    }
}
