using Mash.Hosting.Processes;

namespace Mash.Hosting.Orchestration;

/// <summary>
/// Where the Debian packages put the servers (postgresql, redis-server, rabbitmq-server), or
/// where MASH_POSTGRES_BIN / MASH_RABBITMQ_SBIN say. The versioned directories are searched, so
/// a newer PostgreSQL or RabbitMQ from the same packages is found too.
/// </summary>
internal static class InfrastructureBinaries
{
    public static string? PostgresBin { get; } =
        FromEnvironment("MASH_POSTGRES_BIN", "postgres")
        ?? Newest("/usr/lib/postgresql", "", "bin", "postgres")
        ?? Path.GetDirectoryName(Launcher.Find("initdb") ?? "");

    public static string? RedisServer { get; } = Launcher.Find("redis-server");

    /// <summary>The real scripts, not the /usr/sbin wrappers, which switch to the rabbitmq user and its HOME.</summary>
    public static string? RabbitMQSbin { get; } =
        FromEnvironment("MASH_RABBITMQ_SBIN", "rabbitmq-server") ?? Newest("/usr/lib/rabbitmq/lib", "rabbitmq_server-", "sbin", "rabbitmq-server");

    public static string? Epmd { get; } = Launcher.Find("epmd") ?? (File.Exists("/usr/lib/erlang/bin/epmd") ? "/usr/lib/erlang/bin/epmd" : null);

    private static string? FromEnvironment(string variable, string program) =>
        Environment.GetEnvironmentVariable(variable) is { } dir && File.Exists(Path.Combine(dir, program)) ? dir : null;

    private static string? Newest(string root, string prefix, string sub, string program) =>
        !Directory.Exists(root) ? null : Directory.EnumerateDirectories(root, prefix + "*")
            .Select(dir => (Dir: Path.Combine(dir, sub), Version: VersionOf(Path.GetFileName(dir)[prefix.Length..])))
            .Where(c => File.Exists(Path.Combine(c.Dir, program)))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Dir)
            .FirstOrDefault();

    private static Version VersionOf(string text) =>
        Version.TryParse(text.Contains('.') ? text : text + ".0", out var v) ? v : new Version(0, 0);
}
