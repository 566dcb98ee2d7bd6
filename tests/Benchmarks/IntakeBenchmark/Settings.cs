using GrpcBenchmark;

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
    int BulkBatch,
    int Batch,
    int PostgresWriters,
    int Outbox,
    double RepeatShare,
    bool OrderedRequestIds,
    TimeSpan JitWarmup,
    int BulkWarmup,
    IReadOnlySet<string> Parts)
{
    public static readonly string[] AllParts = ["ceiling", "postgres", "unary", "bulk", "outbox"];

    public const string Usage =
        "usage: IntakeBenchmark [--seconds=10] [--warmup=3] [--concurrency=64] [--connections=2] [--rounds=3] " +
        "[--bulk=100000] [--bulk-streams=1] [--bulk-batch=500] [--batch=1000] [--pg-writers=2] [--outbox=100000] [--repeat-share=0] [--request-ids=random|ordered] [--jit-warmup=5] [--bulk-warmup=20000] [--only=ceiling|postgres|unary|bulk|outbox[,...]]";

    public bool Runs(string part) => Parts.Contains(part);

    public static Settings? Parse(string[] args)
    {
        if (BenchmarkArguments.Parse(args) is not { } arguments)
        {
            return null;
        }
        var only = arguments.Text("only") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : AllParts.ToHashSet(StringComparer.Ordinal);
        var requestIds = arguments.Text("request-ids") ?? "random";
        var settings = new Settings(
            TimeSpan.FromSeconds(arguments.Int("seconds", 10)),
            TimeSpan.FromSeconds(arguments.Int("warmup", 3)),
            arguments.Int("concurrency", 64),
            arguments.Int("connections", 2),
            arguments.Int("rounds", 3),
            arguments.Int("bulk", 100_000),
            arguments.Int("bulk-streams", 1),
            arguments.Int("bulk-batch", 500),
            arguments.Int("batch", 1_000),
            arguments.Int("pg-writers", 2),
            arguments.Int("outbox", 100_000),
            arguments.Share("repeat-share"),
            requestIds == "ordered",
            TimeSpan.FromSeconds(arguments.Int("jit-warmup", 5)),
            arguments.Int("bulk-warmup", 20_000),
            only);
        var valid = arguments.AllUnderstood && settings.Duration > TimeSpan.Zero && settings.Concurrency > 0 && settings.Connections > 0
            && settings.Rounds > 0 && settings.Bulk > 0 && settings.BulkStreams > 0 && settings.BulkStreams <= settings.Bulk && settings.BulkBatch is >= 0 and <= 1000 && settings.Batch > 0 && settings.PostgresWriters > 0 && settings.Outbox > 0 && settings.BulkWarmup > 0
            && only.Count > 0 && only.All(AllParts.Contains) && requestIds is "random" or "ordered";
        return valid ? settings : null;
    }
}
