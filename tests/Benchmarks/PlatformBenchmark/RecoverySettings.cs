using GrpcBenchmark;

namespace PlatformBenchmark;

/// <summary>
/// The options of the recovery part: how hard the overload pushes, how long a dependency is down,
/// and what "back to normal within seconds" means (<see cref="Goal"/>).
/// </summary>
internal sealed record RecoverySettings(
    TimeSpan Goal,
    TimeSpan Timeout,
    TimeSpan Baseline,
    TimeSpan OverloadDuration,
    int OverloadConcurrency,
    int OverloadImport,
    TimeSpan OutageDuration,
    int OutageRate,
    IReadOnlyList<string> Outages)
{
    /// <summary>The servers an outage may stop: those every contact passes through.</summary>
    public static readonly string[] Servers = ["postgres", "rabbitmq"];

    public const string Usage =
        "[--recovery-goal=10] [--recovery-timeout=180] [--baseline-seconds=10] [--overload-seconds=30] [--overload-concurrency=12000] " +
        "[--overload-import=50000] [--outage-seconds=15] [--outage-rate=100] [--outages=postgres,rabbitmq]";

    public static RecoverySettings Read(BenchmarkArguments arguments) => new(
        TimeSpan.FromSeconds(arguments.Int("recovery-goal", 10)),
        TimeSpan.FromSeconds(arguments.Int("recovery-timeout", 180)),
        TimeSpan.FromSeconds(arguments.Int("baseline-seconds", 10)),
        TimeSpan.FromSeconds(arguments.Int("overload-seconds", 30)),
        arguments.Int("overload-concurrency", 12_000),
        arguments.Int("overload-import", 50_000),
        TimeSpan.FromSeconds(arguments.Int("outage-seconds", 15)),
        arguments.Int("outage-rate", 100),
        (arguments.Text("outages") ?? "postgres,rabbitmq").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public bool IsValid => Goal > TimeSpan.Zero && Timeout >= Goal && Baseline > TimeSpan.Zero && OverloadDuration > TimeSpan.Zero
        && OverloadConcurrency > 0 && OverloadImport >= 0 && OutageDuration > TimeSpan.Zero && OutageRate > 0
        && Outages.All(Servers.Contains);
}
