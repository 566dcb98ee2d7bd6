namespace Mash.Hosting;

/// <summary>
/// Settings given in code (tests set these); anything left null comes from configuration,
/// then from the defaults in <see cref="AppHostSettings"/>.
/// </summary>
public sealed class DistributedApplicationOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>Names the stack: its state directory, its RabbitMQ node. Default "dev".</summary>
    public string? StackName { get; init; }

    /// <summary>Where every resource keeps its data and pid files. Default <c>{repo}/.state/{stack}</c>.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>0 picks a free port. Default 18888 (Aspire's), or a free one if that is taken.</summary>
    public int? DashboardPort { get; init; }

    /// <summary>0 picks a free port. Default 18890 (Aspire's OTLP/HTTP), or a free one if that is taken.</summary>
    public int? OtlpPort { get; init; }

    /// <summary>Where resource output and the AppHost's own lines go. Default the console.</summary>
    public TextWriter? Output { get; init; }

    public RestartBackoff? RestartBackoff { get; init; }

    /// <summary>How long a project may take to stop after SIGTERM before its process tree is killed.</summary>
    public TimeSpan? ProjectStopTimeout { get; init; }
}
