namespace Mash.Importer.Replay;

/// <summary>
/// Where an import has got to, so an interrupted run continues where it stopped: an append-only
/// text file, a line a fact (<c>done &lt;step key&gt;</c>, <c>contact &lt;legacy id&gt; &lt;contact id&gt;</c>,
/// <c>request &lt;legacy id&gt; &lt;request id&gt;</c>), flushed as each is learnt. Losing it loses
/// nothing but time: every step is idempotent on its own (README.md, "Running it again"). Safe to
/// use from the children replaying at once.
/// </summary>
internal sealed class Checkpoint : IDisposable
{
    private readonly HashSet<string> done = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> requests = new(StringComparer.Ordinal);
    private readonly StreamWriter? writer;
    private readonly Lock gate = new();

    private Checkpoint(string? path)
    {
        if (path is null)
        {
            return;
        }
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                Apply(line.Split(' ', 3));
            }
        }
        writer = new StreamWriter(path, append: true) { AutoFlush = true };
    }

    /// <summary>The checkpoint kept at <paramref name="path"/>, or none (null: kept in memory only).</summary>
    public static Checkpoint Open(string? path) => new(path);

    public int Done
    {
        get
        {
            lock (gate)
            {
                return done.Count;
            }
        }
    }

    public bool IsDone(ImportStep step)
    {
        lock (gate)
        {
            return done.Contains(step.Key);
        }
    }

    public string? ContactIdOf(string legacyContactId)
    {
        lock (gate)
        {
            return contacts.GetValueOrDefault(legacyContactId);
        }
    }

    /// <summary>One of the platform's contact ids it remembers, or null when it remembers none.</summary>
    public string? AnyContactId
    {
        get
        {
            lock (gate)
            {
                return contacts.Values.FirstOrDefault();
            }
        }
    }

    public string? RequestIdOf(string legacyRequestId)
    {
        lock (gate)
        {
            return requests.GetValueOrDefault(legacyRequestId);
        }
    }

    public void MarkDone(ImportStep step) => Write("done", step.Key);

    public void RememberContact(string legacyContactId, string contactId) => Write("contact", legacyContactId, contactId);

    public void RememberRequest(string legacyRequestId, string requestId) => Write("request", legacyRequestId, requestId);

    public void Dispose() => writer?.Dispose();

    private void Write(params string[] fact)
    {
        lock (gate)
        {
            Apply(fact);
            writer?.WriteLine(string.Join(' ', fact));
        }
    }

    private void Apply(string[] fact)
    {
        switch (fact)
        {
            case ["done", var key]:
                done.Add(key);
                break;
            case ["contact", var legacy, var id]:
                contacts[legacy] = id;
                break;
            case ["request", var legacy, var id]:
                requests[legacy] = id;
                break;
        }
    }
}
