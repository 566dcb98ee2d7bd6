using MashGrpc.Core;
using MashGrpc.Internal;

namespace MashGrpc.Server;

/// <summary>The request stream of a client-streaming or duplex call.</summary>
internal sealed class HttpContextStreamReader<T>(HttpServerCallContext context, Marshaller<T> marshaller) : IAsyncStreamReader<T>
{
    private readonly MessageReader reader = context.CreateRequestReader();

    public T Current { get; private set; } = default!;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        var (hasMessage, message) = await reader.ReadAsync(marshaller.Deserializer, linked.Token).ConfigureAwait(false);
        Current = message;
        return hasMessage;
    }
}
