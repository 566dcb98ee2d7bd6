namespace Interop.Tests.Infrastructure;

/// <summary>
/// Makes sure tests/Interop/node has its node_modules (CI machines start clean): runs <c>npm ci</c> there once,
/// under a lock shared by every thread and every test process on the machine.
/// </summary>
internal static class NodeModules
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim InProcessLock = new(1, 1);
    private static bool ready;

    public static async Task EnsureInstalledAsync()
    {
        await InProcessLock.WaitAsync();
        try
        {
            if (ready)
            {
                return;
            }
            using (await AcquireMachineLockAsync())
            {
                if (!IsInstalled())
                {
                    var result = await ChildProcess.RunAsync(InteropPaths.Npm, ["ci", "--no-audit", "--no-fund"], InteropPaths.NodeDirectory, InstallTimeout);
                    if (!result.Succeeded || !IsInstalled())
                    {
                        throw new InvalidOperationException($"npm ci in {InteropPaths.NodeDirectory} failed.\n{result.Describe()}");
                    }
                }
            }
            ready = true;
        }
        finally
        {
            InProcessLock.Release();
        }
    }

    // Every direct dependency present: a half-finished (or older) install counts as missing.
    private static bool IsInstalled() =>
        Directory.Exists(Path.Combine(InteropPaths.NodeDirectory, "node_modules", "@grpc", "grpc-js"))
        && Directory.Exists(Path.Combine(InteropPaths.NodeDirectory, "node_modules", "@grpc", "proto-loader"))
        && Directory.Exists(Path.Combine(InteropPaths.NodeDirectory, "node_modules", "grpc-reflection-js"));

    /// <summary>An exclusively opened lock file in the temp directory, held until disposed.</summary>
    private static async Task<FileStream> AcquireMachineLockAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "mash-interop-npm-ci.lock");
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
