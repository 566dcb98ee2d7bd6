namespace Mash.AppHost.Servers;

/// <summary>
/// Where Debian's packages put the servers (postgresql, redis-server, rabbitmq-server). The
/// versioned directories are searched, so a newer PostgreSQL or RabbitMQ from the same packages
/// is found too.
/// </summary>
internal static class DebianServers
{
    private const string Install = "run `bash AppHost/install-prerequisites.sh`";

    public static string PostgresBin => Newest("/usr/lib/postgresql", "", "bin", "postgres")
        ?? throw Missing("PostgreSQL (Debian's postgresql package)");

    public static string RedisServer => File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server"
        : throw Missing("Redis (Debian's redis-server package)");

    /// <summary>The real scripts, not the /usr/sbin wrappers, which switch to the rabbitmq user and its HOME.</summary>
    public static string RabbitMQSbin => Newest("/usr/lib/rabbitmq/lib", "rabbitmq_server-", "sbin", "rabbitmq-server")
        ?? throw Missing("RabbitMQ (Debian's rabbitmq-server package)");

    public static string Epmd => new[] { "/usr/bin/epmd", "/usr/lib/erlang/bin/epmd" }.FirstOrDefault(File.Exists)
        ?? throw Missing("Erlang's epmd (Debian's erlang-base package, a dependency of rabbitmq-server)");

    public static bool IsRoot => Environment.UserName == "root";

    private static InvalidOperationException Missing(string what) => new($"{what} is not installed: {Install}.");

    private static string? Newest(string root, string prefix, string sub, string program) =>
        !Directory.Exists(root) ? null : Directory.EnumerateDirectories(root, prefix + "*")
            .Select(dir => (Dir: Path.Combine(dir, sub), Version: VersionOf(Path.GetFileName(dir)[prefix.Length..])))
            .Where(candidate => File.Exists(Path.Combine(candidate.Dir, program)))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Dir)
            .FirstOrDefault();

    private static Version VersionOf(string text) =>
        Version.TryParse(text.Contains('.') ? text : text + ".0", out var version) ? version : new Version(0, 0);
}
