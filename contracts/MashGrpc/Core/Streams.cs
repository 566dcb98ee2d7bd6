namespace MashGrpc.Core;

/// <summary>Reads a stream of messages: call <see cref="MoveNext"/> until it returns false.</summary>
public interface IAsyncStreamReader<out T>
{
    T Current { get; }
    Task<bool> MoveNext(CancellationToken cancellationToken);
}

/// <summary>Writes a stream of messages, one write at a time.</summary>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>
    /// Applies to the writes after it is set (Grpc.Core's shape): with <see cref="WriteFlags.BufferHint"/>
    /// a message waits for the next flushed write or the stream's end. A writer that has no buffer to
    /// hold messages in ignores it.
    /// </summary>
    WriteOptions? WriteOptions { get => null; set { } }

    Task WriteAsync(T message);
    Task WriteAsync(T message, CancellationToken cancellationToken);
}

/// <summary>A server's response stream.</summary>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>;

/// <summary>A client's request stream: complete it to half-close the call.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    Task CompleteAsync();
}

public static class AsyncStreamReaderExtensions
{
    /// <summary>Reads the whole stream with <c>await foreach</c>.</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        this IAsyncStreamReader<T> reader,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.Current;
        }
    }
}
