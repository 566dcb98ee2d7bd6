namespace Mash.Testing.Services;

/// <summary>A service's build output, as a <see cref="ServiceProcess"/> runs it.</summary>
public static class ServiceBuild
{
    /// <summary>
    /// Copies the directory holding <paramref name="dll"/> under <paramref name="root"/> and returns
    /// the copy's path to it. A test that runs a service for a minute (and restarts it) should not
    /// run the build output in place: a build of the same project meanwhile (another test run, an
    /// IDE) would overwrite the files under the running process or hand a restart a half-written one.
    /// </summary>
    public static async Task<string> PrivateCopyAsync(string dll, string root)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The service is not built at {dll}: build the test project (it builds the service).", dll);
        }
        var source = Path.GetDirectoryName(Path.GetFullPath(dll))!;
        var target = Path.Combine(root, Path.GetFileNameWithoutExtension(dll));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            await using var from = File.OpenRead(file);
            await using var to = File.Create(copy);
            await from.CopyToAsync(to);
        }
        return Path.Combine(target, Path.GetFileName(dll));
    }
}
