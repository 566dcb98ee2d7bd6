namespace Mash.AppHost.Servers;

/// <summary>
/// Where the servers keep their data: <c>.state/&lt;stack&gt;/&lt;resource&gt;</c> in the repository
/// (gitignored), or under <c>MASH_STATE_DIR</c>. It outlives the AppHost, so a restart finds the
/// data it left; two stacks side by side need two stack names (<c>MASH_STACK</c>).
/// </summary>
public static class StateDirectories
{
    public const string StackKey = "MASH_STACK";
    public const string StateDirectoryKey = "MASH_STATE_DIR";

    // As root, PostgreSQL runs as the postgres user, which must be able to walk into its own directory.
    private const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>The stack's name (default <c>dev</c>): it names the RabbitMQ node and the default state directory.</summary>
    public static string GetStackName(this IDistributedApplicationBuilder builder) =>
        builder.Configuration[StackKey] is { Length: > 0 } stack ? stack : "dev";

    public static string GetStateDirectory(this IDistributedApplicationBuilder builder) =>
        builder.Configuration[StateDirectoryKey] is { Length: > 0 } directory
            ? Path.GetFullPath(directory)
            : Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".state", builder.GetStackName()));

    /// <summary>The resource's own directory under the stack's, created if missing.</summary>
    public static string CreateStateDirectory(this IDistributedApplicationBuilder builder, string resourceName)
    {
        var root = builder.GetStateDirectory();
        var directory = Path.Combine(root, resourceName);
        foreach (var path in new[] { root, directory })
        {
            Directory.CreateDirectory(path, Traversable);
            File.SetUnixFileMode(path, Traversable);
        }
        return directory;
    }
}
