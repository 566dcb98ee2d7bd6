using Microsoft.Extensions.Configuration;

namespace Mash.Hosting;

/// <summary>The options once resolved against configuration and defaults.</summary>
internal sealed record AppHostSettings(
    string StackName,
    string StateDirectory,
    int DashboardPort,
    int OtlpPort,
    TextWriter Output,
    bool UseColor,
    RestartBackoff RestartBackoff,
    TimeSpan ProjectStopTimeout)
{
    public static AppHostSettings Resolve(DistributedApplicationOptions options, IConfiguration config)
    {
        var stack = options.StackName ?? config["MASH_STACK"] ?? "dev";
        var stateDir = options.StateDirectory ?? config["MASH_STATE_DIR"] ?? Path.Combine(RepoPaths.Root, ".state", stack);
        var toConsole = options.Output is null;
        return new(
            ResourceNames.Validate(stack),
            Path.GetFullPath(stateDir),
            options.DashboardPort ?? config.GetValue("MASH_DASHBOARD_PORT", 18888),
            options.OtlpPort ?? config.GetValue("MASH_OTLP_PORT", 18890),
            options.Output is { } o ? TextWriter.Synchronized(o) : Console.Out,
            toConsole && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
            options.RestartBackoff ?? RestartBackoff.Default,
            options.ProjectStopTimeout ?? TimeSpan.FromSeconds(30));
    }
}
