using MashGrpc.Core;

namespace MashGrpc.Server;

/// <summary>
/// The response stream of a server-streaming or duplex call: each message is flushed as written,
/// unless <see cref="WriteOptions"/> carries <see cref="WriteFlags.BufferHint"/> (then the next
/// flushed write, or the call's end, sends it with the others: one frame and syscall for many).
/// </summary>
internal sealed class HttpContextStreamWriter<T>(HttpServerCallContext context, Marshaller<T> marshaller) : IServerStreamWriter<T>
{
    public WriteOptions? WriteOptions { get; set; }

    private bool Flush => WriteOptions.Flushes(WriteOptions);

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return cancellationToken.CanBeCanceled
            ? WriteLinkedAsync(message, cancellationToken)
            : context.WriteMessageAsync(message, marshaller, Flush, context.CancellationToken);
    }

    private async Task WriteLinkedAsync(T message, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        await context.WriteMessageAsync(message, marshaller, Flush, linked.Token).ConfigureAwait(false);
    }
}
