using System.Globalization;
using GrpcBenchmark;

namespace PlatformBenchmark;

/// <summary>How contacts are imported: a contact a message, or many a message.</summary>
internal enum ImportRpc
{
    SubmitContactBatches,
    SubmitContacts,
}

/// <summary>The command's options; see <see cref="Usage"/>.</summary>
internal sealed record Settings(
    IReadOnlyList<int> Steps,
    TimeSpan StepDuration,
    TimeSpan Warmup,
    int Import,
    ImportRpc ImportRpc,
    int ImportBatch,
    TimeSpan IntakeDuration,
    TimeSpan IntakeWarmup,
    int Concurrency,
    int Connections,
    TimeSpan CatchUpTimeout,
    bool AllSteps,
    IReadOnlySet<string> Parts,
    RecoverySettings Recovery)
{
    // In the order they run: the recovery part before Intake alone, which stops the services downstream.
    public static readonly string[] AllParts = ["steps", "import", "recovery", "intake"];

    public const string Usage =
        "usage: PlatformBenchmark [--steps=250,500,1000,1500,2000] [--step-seconds=30] [--warmup=10] [--import=100000] " +
        "[--import-rpc=batches|contacts] [--import-batch=500] [--intake-seconds=10] [--intake-warmup=3] [--concurrency=64] [--connections=2] " +
        "[--catch-up-timeout=600] [--all-steps=0|1] [--only=steps|import|recovery|intake[,...]] " + RecoverySettings.Usage;

    public bool Runs(string part) => Parts.Contains(part);

    public static Settings? Parse(string[] args)
    {
        if (BenchmarkArguments.Parse(args) is not { } arguments)
        {
            return null;
        }
        var steps = Ints(arguments.Text("steps") ?? "250,500,1000,1500,2000");
        var importRpc = arguments.Text("import-rpc") switch
        {
            null or "batches" => ImportRpc.SubmitContactBatches,
            "contacts" => ImportRpc.SubmitContacts,
            _ => (ImportRpc?)null,
        };
        var only = arguments.Text("only") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : AllParts.ToHashSet(StringComparer.Ordinal);
        var allSteps = arguments.Int("all-steps", 0);
        if (steps is null || importRpc is null)
        {
            return null;
        }
        var settings = new Settings(
            steps,
            TimeSpan.FromSeconds(arguments.Int("step-seconds", 30)),
            TimeSpan.FromSeconds(arguments.Int("warmup", 10)),
            arguments.Int("import", 100_000),
            importRpc.Value,
            arguments.Int("import-batch", 500),
            TimeSpan.FromSeconds(arguments.Int("intake-seconds", 10)),
            TimeSpan.FromSeconds(arguments.Int("intake-warmup", 3)),
            arguments.Int("concurrency", 64),
            arguments.Int("connections", 2),
            TimeSpan.FromSeconds(arguments.Int("catch-up-timeout", 600)),
            allSteps == 1,
            only,
            RecoverySettings.Read(arguments));
        var valid = arguments.AllUnderstood && steps.Count > 0 && steps.All(s => s > 0) && settings.StepDuration > TimeSpan.Zero
            && settings.Import > 0 && settings.ImportBatch is > 0 and <= 1000 && settings.IntakeDuration > TimeSpan.Zero
            && settings.Concurrency > 0 && settings.Connections > 0 && settings.CatchUpTimeout > TimeSpan.Zero
            && allSteps is 0 or 1 && only.Count > 0 && only.All(AllParts.Contains) && settings.Recovery.IsValid;
        return valid ? settings : null;
    }

    private static List<int>? Ints(string text)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }
            values.Add(value);
        }
        return values;
    }
}
