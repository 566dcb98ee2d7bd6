using System.Collections.Concurrent;

namespace Mash.Testing.Servers;

/// <summary>
/// Servers started side by side under one temp directory. Disposing stops every one that started
/// (also after a failed start, so none outlives the run), then removes the directory.
/// </summary>
public sealed class ServerSet(string prefix) : IAsyncDisposable
{
    private readonly ConcurrentBag<IAsyncDisposable> started = [];
    private int disposed;

    /// <summary>Where the servers keep their state.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Starts a server under <see cref="Root"/>; it stops with the set.</summary>
    public async Task<T> StartAsync<T>(Func<string, Task<T>> start) where T : IAsyncDisposable
    {
        var server = await start(Root);
        started.Add(server);
        return server;
    }

    /// <summary>Runs <paramref name="starts"/> at once; if any fails, stops what did start and rethrows.</summary>
    public async Task StartTogetherAsync(params Func<Task>[] starts)
    {
        try
        {
            await Task.WhenAll(starts.Select(Task.Run));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Once only: a failed start and the owner's own dispose may both get here.
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        await Task.WhenAll(started.Select(server => server.DisposeAsync().AsTask()));
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A server writing its last log line; the temp directory goes eventually.
        }
    }
}
