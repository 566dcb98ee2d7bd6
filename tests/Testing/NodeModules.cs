using System.Collections.Concurrent;

namespace Mash.Testing;

/// <summary>
/// Makes sure a Node package folder has its node_modules (CI machines start clean): runs <c>npm ci</c>
/// there once, under a lock shared by every thread and every test process on the machine.
/// </summary>
public static class NodeModules
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim InProcessLock = new(1, 1);
    private static readonly ConcurrentDictionary<string, bool> Ready = new();

    /// <param name="directory">The folder holding package.json and package-lock.json.</param>
    /// <param name="packages">Every direct dependency: a half-finished (or older) install counts as missing.</param>
    public static async Task EnsureInstalledAsync(string directory, params string[] packages)
    {
        await InProcessLock.WaitAsync();
        try
        {
            if (Ready.ContainsKey(directory))
            {
                return;
            }
            using (await AcquireMachineLockAsync())
            {
                if (!IsInstalled(directory, packages))
                {
                    var result = await ChildProcess.RunAsync(ToolPaths.Npm, ["ci", "--no-audit", "--no-fund"], directory, InstallTimeout);
                    if (!result.Succeeded || !IsInstalled(directory, packages))
                    {
                        throw new InvalidOperationException($"npm ci in {directory} failed.\n{result.Describe()}");
                    }
                }
            }
            Ready[directory] = true;
        }
        finally
        {
            InProcessLock.Release();
        }
    }

    private static bool IsInstalled(string directory, string[] packages) =>
        packages.All(p => Directory.Exists(Path.Combine(directory, "node_modules", p)));

    /// <summary>An exclusively opened lock file in the temp directory, held until disposed.</summary>
    private static async Task<FileStream> AcquireMachineLockAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "mash-npm-ci.lock");
        var giveUp = DateTime.UtcNow + InstallTimeout + TimeSpan.FromMinutes(1);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < giveUp)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
