// gRPC unary benchmark: grpc-dotnet (Grpc.Net.Client typed client -> Grpc.AspNetCore typed service)
// against a bare Kestrel endpoint driven by a bare HttpClient doing the same gRPC framing inline (the ceiling).
// Prints figures; exits 0 whatever they are, non-zero only when a call fails. See BENCHMARKS.md.
using System.Globalization;
using System.Runtime;
using Google.Protobuf;
using GrpcBenchmark;

var settings = Settings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine("usage: GrpcBenchmark [--seconds=10] [--warmup=3] [--jit-warmup=5] [--concurrency=64] [--connections=2] [--rounds=5] [--payload=100] [--only=grpc-dotnet|ceiling|mixed] [--alloc-profile=TOP_N_TYPES]");
    return 2;
}

Console.WriteLine($"gRPC unary benchmark: {settings.Concurrency} calls in flight over {settings.Connections} HTTP/2 connections (h2c, loopback), " +
    $"{settings.PayloadBytes}-byte payload each way, {settings.JitWarmup.TotalSeconds:0} s JIT warm-up each, then {settings.Rounds} round(s) alternating of {settings.Warmup.TotalSeconds:0} s warm-up + {settings.Duration.TotalSeconds:0} s measured.");
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {GCSettings.IsServerGC}, " +
    $"tiered PGO {Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? "default (on)"}; client and server in one process.");

try
{
    await using var grpcServer = await BenchServer.StartAsync(grpcDotnet: true);
    await using var bareServer = await BenchServer.StartAsync(grpcDotnet: false);
    var payload = ByteString.CopyFrom(Enumerable.Range(0, settings.PayloadBytes).Select(i => (byte)i).ToArray());
    using var grpcDotnet = new GrpcDotnetTarget("grpc-dotnet (typed client -> typed service)", grpcServer.Address, settings.Connections, payload);
    using var ceiling = BareTarget.Create("ceiling (bare client -> bare endpoint)", bareServer.Address, settings.Connections, payload);
    // The mixed pairs split the gap between client and server.
    using var typedClient = new GrpcDotnetTarget("typed client -> bare endpoint", bareServer.Address, settings.Connections, payload);
    using var bareClient = BareTarget.Create("bare client -> typed service", grpcServer.Address, settings.Connections, payload);
    IBenchTarget[] targets = settings.Only switch
    {
        "grpc-dotnet" => [grpcDotnet],
        "ceiling" => [ceiling],
        "mixed" => [ceiling, grpcDotnet, typedClient, bareClient],
        _ => [ceiling, grpcDotnet],
    };

    // Tiered PGO needs a while to instrument, then optimise, every hot method: run each target once
    // unrecorded first so no measured round pays for the JIT.
    foreach (var target in targets)
    {
        await LoadGenerator.RunAsync(target, settings.Concurrency, TimeSpan.Zero, settings.JitWarmup);
    }
    using var sampler = settings.AllocProfileTop > 0 ? new AllocationSampler() : null;
    var results = targets.ToDictionary(t => t, _ => new List<Measurement>());
    for (var round = 1; round <= settings.Rounds; round++)
    {
        foreach (var target in targets)
        {
            sampler?.Start();
            var m = await LoadGenerator.RunAsync(target, settings.Concurrency, settings.Warmup, settings.Duration);
            results[target].Add(m);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round}: {m.Name,-42} {m.CallsPerSecond,9:N0} calls/s  p50 {m.P50Ms,6:0.000} ms  p99 {m.P99Ms,6:0.000} ms  {m.BytesPerCall,6:N0} B/call  {m.CpuMicrosecondsPerCall,5:0.0} CPU us/call ({m.Cores:0.00} cores)  GCs {m.Gen0}/{m.Gen1}/{m.Gen2}, paused {m.GcPauseMs:N0} ms, last promoted {m.PromotedBytesPerGc / 1024:N0} KB"));
            if (sampler is not null)
            {
                foreach (var (type, share) in sampler.Stop(settings.AllocProfileTop))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {share,6:P1}  {type}"));
                }
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine($"Median of {settings.Rounds} round(s) by calls/s, best in brackets; the row's other figures are the median round's. " +
        "B/call and CPU us/call are the whole process's (client and server) per call.");
    Console.WriteLine();
    Console.WriteLine("| name | calls/s | p50 ms | p99 ms | B/call | CPU us/call |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    var medians = new Dictionary<IBenchTarget, Measurement>();
    var bests = new Dictionary<IBenchTarget, Measurement>();
    foreach (var target in targets)
    {
        var ordered = results[target].OrderBy(m => m.CallsPerSecond).ToList();
        var median = ordered[ordered.Count / 2];
        var best = ordered[^1];
        medians[target] = median;
        bests[target] = best;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {target.Name} | {median.CallsPerSecond:N0} ({best.CallsPerSecond:N0}) | {median.P50Ms:0.000} | {median.P99Ms:0.000} | {median.BytesPerCall:N0} | {median.CpuMicrosecondsPerCall:0.0} |"));
    }
    if (targets.Contains(grpcDotnet) && targets.Contains(ceiling))
    {
        var ratio = medians[grpcDotnet].CallsPerSecond / medians[ceiling].CallsPerSecond;
        var bestRatio = bests[grpcDotnet].CallsPerSecond / bests[ceiling].CallsPerSecond;
        // Each round measures the ceiling right before grpc-dotnet, so the two share the machine's load of the moment.
        var perRound = results[grpcDotnet].Zip(results[ceiling], (r, c) => r.CallsPerSecond / c.CallsPerSecond).Order().ToList();
        var cpuRatio = Median(results[ceiling].Select(m => m.CpuMicrosecondsPerCall)) / Median(results[grpcDotnet].Select(m => m.CpuMicrosecondsPerCall));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio grpc-dotnet/ceiling (calls/s): {ratio:0.00} of the medians, {bestRatio:0.00} of the bests, {perRound[perRound.Count / 2]:0.00} median of the rounds' own " +
            $"({string.Join(", ", results[grpcDotnet].Zip(results[ceiling], (r, c) => (r.CallsPerSecond / c.CallsPerSecond).ToString("0.00", CultureInfo.InvariantCulture)))})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio by CPU cost (ceiling CPU us/call / grpc-dotnet CPU us/call, medians): {cpuRatio:0.00} — steadier than calls/s when other processes take the cores"));
    }
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"benchmark failed: {ex}");
    return 1;
}

static double Median(IEnumerable<double> values)
{
    var ordered = values.Order().ToList();
    return ordered[ordered.Count / 2];
}

internal sealed record Settings(TimeSpan Duration, TimeSpan Warmup, TimeSpan JitWarmup, int Concurrency, int Connections, int Rounds, int PayloadBytes, string? Only, int AllocProfileTop)
{
    public static Settings? Parse(string[] args)
    {
        if (BenchmarkArguments.Parse(args) is not { } arguments)
        {
            return null;
        }
        var settings = new Settings(
            TimeSpan.FromSeconds(arguments.Int("seconds", 10)),
            TimeSpan.FromSeconds(arguments.Int("warmup", 3)),
            TimeSpan.FromSeconds(arguments.Int("jit-warmup", 5)),
            arguments.Int("concurrency", 64),
            arguments.Int("connections", 2),
            arguments.Int("rounds", 5),
            arguments.Int("payload", 100),
            arguments.Text("only"),
            arguments.Int("alloc-profile", 0));
        var valid = arguments.AllUnderstood && settings.Duration > TimeSpan.Zero && settings.Concurrency > 0 && settings.Connections > 0
            && settings.Rounds > 0 && settings.AllocProfileTop >= 0 && settings.PayloadBytes >= 0 && settings.Only is null or "grpc-dotnet" or "ceiling" or "mixed";
        return valid ? settings : null;
    }
}
