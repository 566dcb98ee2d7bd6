using MashGrpc.Core;

namespace MashGrpc.Server;

/// <summary>The response stream of a server-streaming or duplex call: each message is flushed as written.</summary>
internal sealed class HttpContextStreamWriter<T>(HttpServerCallContext context, Marshaller<T> marshaller) : IServerStreamWriter<T>
{
    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return cancellationToken.CanBeCanceled
            ? WriteLinkedAsync(message, cancellationToken)
            : context.WriteMessageAsync(message, marshaller, flush: true, context.CancellationToken);
    }

    private async Task WriteLinkedAsync(T message, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        await context.WriteMessageAsync(message, marshaller, flush: true, linked.Token).ConfigureAwait(false);
    }
}
