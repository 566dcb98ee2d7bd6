namespace Mash.Hosting;

internal static class StateDirectories
{
    private const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>
    /// Creates the stack's state directory readable and traversable by others: as root, PostgreSQL
    /// runs as the postgres user and must reach its own directory inside it.
    /// </summary>
    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The AppHost runs the Debian packages of its servers: Linux only.");
        }

        Directory.CreateDirectory(path, Traversable);
        File.SetUnixFileMode(path, Traversable);
    }
}
