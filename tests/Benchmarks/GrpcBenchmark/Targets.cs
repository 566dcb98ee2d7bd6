using Google.Protobuf;
using GrpcBenchmark.Proto;

namespace GrpcBenchmark;

/// <summary>grpc-dotnet: the generated typed client on N Grpc.Net.Client channels (one connection each), round-robin.</summary>
internal sealed class GrpcDotnetTarget(string name, Uri address, int connections, ByteString payload) : IBenchTarget, IDisposable
{
    private readonly ClientPool<Bench.BenchClient> clients = new(address, connections, channel => new Bench.BenchClient(channel));

    public string Name { get; } = name;

    public async Task CallAsync(long id) =>
        Check(id, payload, await clients.Next().UnaryAsync(new BenchRequest { Id = id, Payload = payload }));

    public void Dispose() => clients.Dispose();

    /// <summary>A reply must echo its request, whichever client or server made it.</summary>
    public static void Check(long id, ByteString payload, BenchReply reply)
    {
        if (reply.Id != id || reply.Payload.Length != payload.Length)
        {
            throw new InvalidDataException($"Wrong reply: id {reply.Id}, expected {id}.");
        }
    }
}

/// <summary>The ceiling's client for the bench method: raw HttpClient doing the framing inline.</summary>
internal static class BareTarget
{
    public static BareUnaryTarget<BenchRequest, BenchReply> Create(string name, Uri address, int connections, ByteString payload) =>
        new(name, address, BenchServer.MethodPath, connections,
            id => new BenchRequest { Id = id, Payload = payload },
            BenchReply.Parser,
            (id, _, reply) => GrpcDotnetTarget.Check(id, payload, reply));
}
