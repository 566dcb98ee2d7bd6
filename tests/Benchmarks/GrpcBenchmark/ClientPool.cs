using Grpc.Net.Client;

namespace GrpcBenchmark;

/// <summary>
/// N Grpc.Net.Client channels to one address, each with its own SocketsHttpHandler and so its own
/// HTTP/2 connection, taken round-robin: the load spread over exactly N connections, as the
/// ceiling's N raw invokers spread theirs. (One channel with EnableMultipleHttp2Connections opens a
/// second connection only past the server's stream limit, 100 in Kestrel, so 64 calls would share one.)
/// </summary>
internal sealed class ClientPool<TClient> : IDisposable
{
    private readonly GrpcChannel[] channels;
    private readonly TClient[] clients;
    private int next;

    public ClientPool(Uri address, int connections, Func<GrpcChannel, TClient> create)
    {
        channels = [.. Enumerable.Range(0, connections).Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = H2c.Handler(),
            DisposeHttpClient = true,
        }))];
        clients = [.. channels.Select(create)];
    }

    public TClient Next() => clients[(int)((uint)Interlocked.Increment(ref next) % clients.Length)];

    public void Dispose()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
    }
}
