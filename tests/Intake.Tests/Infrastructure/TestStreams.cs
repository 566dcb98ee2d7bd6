using Grpc.Core;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>A client's request stream, already complete: the messages given, then the end.</summary>
internal sealed class TestStreamReader<T>(IEnumerable<T> messages) : IAsyncStreamReader<T>
{
    private readonly IEnumerator<T> remaining = messages.GetEnumerator();

    public T Current => remaining.Current;

    public Task<bool> MoveNext(CancellationToken cancellationToken) => Task.FromResult(remaining.MoveNext());
}

/// <summary>A response stream that keeps what is written, in order.</summary>
internal sealed class TestStreamWriter<T> : IServerStreamWriter<T>
{
    public List<T> Written { get; } = [];

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        Written.Add(message);
        return Task.CompletedTask;
    }
}
