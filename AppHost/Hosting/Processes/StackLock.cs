namespace Mash.Hosting.Processes;

/// <summary>
/// One AppHost per state directory: two would clean up each other's processes as orphans. An
/// exclusive open (an advisory lock on Unix) that the kernel drops when the holder dies, even by kill -9.
/// </summary>
internal sealed class StackLock(FileStream file) : IDisposable
{
    public static StackLock Acquire(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "apphost.lock");
        try
        {
            return new(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new DistributedApplicationException(
                $"Another AppHost is using {stateDirectory}. Give this one its own stack: --stack <name> (or MASH_STACK).", e);
        }
    }

    public void Dispose() => file.Dispose();
}
