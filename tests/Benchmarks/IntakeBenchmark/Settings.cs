using System.Globalization;

namespace IntakeBenchmark;

/// <summary>The command's options; see <see cref="Usage"/>.</summary>
internal sealed record Settings(
    TimeSpan Duration,
    TimeSpan Warmup,
    int Concurrency,
    int Connections,
    int Rounds,
    int Bulk,
    int BulkStreams,
    int Batch,
    int PostgresWriters,
    int Outbox,
    double RepeatShare,
    TimeSpan JitWarmup,
    int BulkWarmup,
    IReadOnlySet<string> Parts)
{
    public static readonly string[] AllParts = ["ceiling", "postgres", "unary", "bulk", "outbox"];

    public const string Usage =
        "usage: IntakeBenchmark [--seconds=10] [--warmup=3] [--concurrency=64] [--connections=2] [--rounds=3] " +
        "[--bulk=100000] [--bulk-streams=1] [--batch=1000] [--pg-writers=2] [--outbox=100000] [--repeat-share=0] [--jit-warmup=15] [--bulk-warmup=20000] [--only=ceiling|postgres|unary|bulk|outbox[,...]]";

    public bool Runs(string part) => Parts.Contains(part);

    public static Settings? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            var parts = arg.Split('=', 2);
            if (parts.Length != 2 || !parts[0].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }
            values[parts[0][2..]] = parts[1];
        }
        var malformed = false;
        int Int(string name, int fallback)
        {
            if (!values.Remove(name, out var v))
            {
                return fallback;
            }
            malformed |= !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
            return value;
        }
        double Share(string name)
        {
            if (!values.Remove(name, out var v))
            {
                return 0;
            }
            malformed |= !double.TryParse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 1;
            return value;
        }
        var only = values.Remove("only", out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : AllParts.ToHashSet(StringComparer.Ordinal);
        var settings = new Settings(
            TimeSpan.FromSeconds(Int("seconds", 10)),
            TimeSpan.FromSeconds(Int("warmup", 3)),
            Int("concurrency", 64),
            Int("connections", 2),
            Int("rounds", 3),
            Int("bulk", 100_000),
            Int("bulk-streams", 1),
            Int("batch", 1_000),
            Int("pg-writers", 2),
            Int("outbox", 100_000),
            Share("repeat-share"),
            TimeSpan.FromSeconds(Int("jit-warmup", 15)),
            Int("bulk-warmup", 20_000),
            only);
        var valid = !malformed && values.Count == 0 && settings.Duration > TimeSpan.Zero && settings.Concurrency > 0 && settings.Connections > 0
            && settings.Rounds > 0 && settings.Bulk > 0 && settings.BulkStreams > 0 && settings.BulkStreams <= settings.Bulk && settings.Batch > 0 && settings.PostgresWriters > 0 && settings.Outbox > 0 && settings.BulkWarmup > 0
            && only.Count > 0 && only.All(AllParts.Contains);
        return valid ? settings : null;
    }
}
