namespace Mash.Hosting.Orchestration;

/// <summary>The last lines a resource printed, oldest first; older ones fall off.</summary>
internal sealed class LogBuffer(int capacity = 200)
{
    private readonly Queue<LogLine> _lines = new(capacity);

    public void Add(LogLine line)
    {
        lock (_lines)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<LogLine> Snapshot()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }
}

public sealed record LogLine(DateTimeOffset Timestamp, string Text, bool IsError);
