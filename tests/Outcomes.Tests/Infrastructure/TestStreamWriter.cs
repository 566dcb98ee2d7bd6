using Grpc.Core;

namespace Mash.Outcomes.Tests.Infrastructure;

/// <summary>A response stream that keeps what is written; a stuck one never finishes a write, like a client that stopped reading.</summary>
internal sealed class TestStreamWriter<T>(bool stuck = false) : IServerStreamWriter<T>
{
    private readonly TaskCompletionSource firstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim writes = new(0);

    public List<T> Written { get; } = [];

    public WriteOptions? WriteOptions { get; set; }

    /// <summary>Completes when the first message reaches the stream.</summary>
    public Task FirstWrite => firstWrite.Task;

    /// <summary>Completes once <paramref name="count"/> more messages have reached the stream.</summary>
    public async Task WritesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await writes.WaitAsync();
        }
    }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        lock (Written)
        {
            Written.Add(message);
        }
        firstWrite.TrySetResult();
        writes.Release();
        if (stuck)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
