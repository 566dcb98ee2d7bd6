using System.Collections.Concurrent;

namespace Mash.Hosting.Orchestration;

/// <summary>
/// Every resource's console output (and the AppHost's own lines about it): streamed to the
/// AppHost's output as <c>[name] line</c>, and the last 200 lines kept for the ops page.
/// </summary>
internal sealed class ResourceLoggerService(TextWriter output, bool useColor)
{
    public const string AppHost = "apphost";

    private static readonly string[] Colors = ["36", "33", "35", "32", "34", "96", "93", "95", "92", "94"];
    private readonly ConcurrentDictionary<string, LogBuffer> _buffers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _colors = new(StringComparer.OrdinalIgnoreCase);

    public void Log(string resource, string text, bool isError = false)
    {
        _buffers.GetOrAdd(resource, _ => new LogBuffer()).Add(new LogLine(DateTimeOffset.Now, text, isError));
        var prefix = useColor ? $"\u001b[{ColorOf(resource)}m[{resource}]\u001b[0m" : $"[{resource}]";
        output.WriteLine($"{prefix} {text}");
    }

    /// <summary>The AppHost's own lines, unprefixed when they are meant to be read as a whole (the table).</summary>
    public void WriteRaw(string text) => output.WriteLine(text);

    public IReadOnlyList<LogLine> GetLines(string resource) =>
        _buffers.TryGetValue(resource, out var buffer) ? buffer.Snapshot() : [];

    private string ColorOf(string resource) =>
        resource == AppHost ? "1" : _colors.GetOrAdd(resource, _ => Colors[_colors.Count % Colors.Length]);
}
