using System.Runtime;

namespace IntakeBenchmark;

/// <summary>
/// Methods the JIT compiled, and its time, over a span of the run. Tiered compilation recompiles
/// hot methods in the background for many seconds under load; a figure taken while it does measures
/// the JIT as much as the service, so the benchmark warms up until this is (almost) nothing.
/// </summary>
internal sealed record JitActivity(long Methods, TimeSpan Time)
{
    public static JitActivity None { get; } = new(0, TimeSpan.Zero);

    public static JitActivity Start() => new(JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

    public JitActivity Stop() => new(JitInfo.GetCompiledMethodCount() - Methods, JitInfo.GetCompilationTime() - Time);

    public override string ToString() => $"JIT {Methods:N0} methods, {Time.TotalSeconds:0.00} s";
}
