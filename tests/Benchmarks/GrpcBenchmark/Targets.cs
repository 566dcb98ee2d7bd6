using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using Google.Protobuf;
using GrpcBenchmark.Proto;
using Grpc.Net.Client;

namespace GrpcBenchmark;

/// <summary>The runtime: generated typed client → GrpcChannel (N connections) → the typed service.</summary>
internal sealed class RuntimeTarget : IBenchTarget, IDisposable
{
    private readonly GrpcChannel channel;
    private readonly Bench.BenchClient client;
    private readonly ByteString payload;

    public RuntimeTarget(string name, Uri address, int connections, ByteString payload)
    {
        channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { Connections = connections });
        client = new Bench.BenchClient(channel);
        this.payload = payload;
        Name = name;
    }

    public string Name { get; }

    public async Task CallAsync(long id)
    {
        var reply = await client.UnaryAsync(new BenchRequest { Id = id, Payload = payload });
        if (reply.Id != id || reply.Payload.Length != payload.Length)
        {
            throw new InvalidDataException($"Wrong reply: id {reply.Id}, expected {id}.");
        }
    }

    public void Dispose() => channel.Dispose();
}

/// <summary>
/// The ceiling's client: raw HttpMessageInvokers, one SocketsHttpHandler per connection (h2c with prior
/// knowledge), taken round-robin; frames and parses the same messages and checks grpc-status.
/// </summary>
internal sealed class BareTarget : IBenchTarget, IDisposable
{
    private const int HeaderSize = 5;
    private readonly HttpMessageInvoker[] invokers;
    private readonly Uri uri;
    private readonly ByteString payload;
    private int next;

    public BareTarget(string name, Uri address, int connections, ByteString payload)
    {
        Name = name;
        invokers = new HttpMessageInvoker[connections];
        for (var i = 0; i < connections; i++)
        {
            invokers[i] = new HttpMessageInvoker(new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                UseProxy = false,
                UseCookies = false,
            }, disposeHandler: true);
        }
        uri = new Uri(address, BenchServer.MethodPath);
        this.payload = payload;
    }

    public string Name { get; }

    public async Task CallAsync(long id)
    {
        var invoker = invokers[(int)((uint)Interlocked.Increment(ref next) % invokers.Length)];
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new FrameContent(Frame(new BenchRequest { Id = id, Payload = payload })),
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await invoker.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/grpc")
        {
            throw new InvalidDataException($"Bad response: HTTP {(int)response.StatusCode}.");
        }
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var filled = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(filled)).ConfigureAwait(false)) > 0)
            {
                filled += read;
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            var reply = Parse(buffer.AsSpan(0, filled));
            if (reply.Id != id || reply.Payload.Length != payload.Length)
            {
                throw new InvalidDataException($"Wrong reply: id {reply.Id}, expected {id}.");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (!response.TrailingHeaders.TryGetValues("grpc-status", out var status) || status.FirstOrDefault() != "0")
        {
            throw new InvalidDataException("The response has no grpc-status: 0 trailer.");
        }
    }

    public void Dispose()
    {
        foreach (var invoker in invokers)
        {
            invoker.Dispose();
        }
    }

    private static byte[] Frame(BenchRequest message)
    {
        var size = message.CalculateSize();
        var frame = new byte[HeaderSize + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)size);
        message.WriteTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    private static BenchReply Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length < HeaderSize || body[0] != 0 || body.Length != HeaderSize + BinaryPrimitives.ReadUInt32BigEndian(body[1..]))
        {
            throw new InvalidDataException("Response is not exactly one uncompressed gRPC frame.");
        }
        return BenchReply.Parser.ParseFrom(body[HeaderSize..]);
    }

    /// <summary>One framed message as the request body, no Content-Length, as gRPC clients send it.</summary>
    private sealed class FrameContent : HttpContent
    {
        private readonly byte[] frame;

        public FrameContent(byte[] frame)
        {
            this.frame = frame;
            Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, default);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            stream.WriteAsync(frame, cancellationToken).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
