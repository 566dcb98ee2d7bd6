using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using MashGrpc.Internal;

namespace MashGrpc.Tests;

/// <summary>
/// Posts exactly the bytes and headers a test chooses over HTTP/2 (h2c for http://, TLS for https://),
/// so tests can send what no well-behaved client would.
/// </summary>
internal sealed class RawGrpcClient : IDisposable
{
    public const string EchoUnary = "/mashgrpc.test.Echo/Unary";
    public const string EchoServerStream = "/mashgrpc.test.Echo/ServerStream";

    private readonly HttpMessageInvoker invoker;
    private readonly Uri address;

    public RawGrpcClient(Uri address)
    {
        this.address = address;
        var handler = new SocketsHttpHandler { UseProxy = false, UseCookies = false };
        // Tests talk to a throwaway self-signed certificate.
        handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        invoker = new HttpMessageInvoker(handler);
    }

    /// <summary>Posts <paramref name="body"/> (null: no DATA at all) and reads the whole response, trailers included.</summary>
    public async Task<RawResponse> PostAsync(
        string path,
        byte[]? body,
        IEnumerable<(string Name, string Value)>? headers = null,
        string? contentType = GrpcProtocol.ContentType,
        Version? version = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body ?? []),
        };
        request.Content.Headers.ContentType = null;
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30)); // a guard against hangs, not an assertion
        using var response = await invoker.SendAsync(request, timeout.Token);
        var responseBody = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return new RawResponse(
            response.StatusCode,
            response.Version,
            ToDictionary(response.Headers.Concat(response.Content.Headers)),
            responseBody,
            ToDictionary(response.TrailingHeaders));
    }

    /// <summary>A normal unary echo call over this client's connection.</summary>
    public async Task<Echo.EchoReply> EchoAsync(string text)
    {
        var response = await PostAsync(EchoUnary, Frame(new Echo.EchoRequest { Text = text }));
        Assert.Equal(0, response.GrpcStatus);
        return Echo.EchoReply.Parser.ParseFrom(Assert.Single(response.Messages));
    }

    public void Dispose() => invoker.Dispose();

    public static byte[] Header(uint length, byte flag = 0)
    {
        var header = new byte[GrpcProtocol.HeaderSize];
        header[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), length);
        return header;
    }

    public static byte[] Frame(byte[] payload, byte flag = 0) => [.. Header((uint)payload.Length, flag), .. payload];

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    public static byte[] Gzip(byte[] payload)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload);
        }
        return output.ToArray();
    }

    private static Dictionary<string, string> ToDictionary(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
}

/// <summary>What came back: HTTP status, headers (content headers included), body and trailers; names lower-case.</summary>
internal sealed record RawResponse(
    HttpStatusCode HttpStatus,
    Version Version,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    IReadOnlyDictionary<string, string> Trailers)
{
    /// <summary>grpc-status from the trailers, or from the headers of a Trailers-Only response.</summary>
    public int? GrpcStatus => (Trailers.TryGetValue("grpc-status", out var s) || Headers.TryGetValue("grpc-status", out s)) ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>grpc-message, percent-decoded.</summary>
    public string? GrpcMessage => (Trailers.TryGetValue("grpc-message", out var m) || Headers.TryGetValue("grpc-message", out m)) ? GrpcMessageEncoding.Decode(m) : null;

    /// <summary>The status travelled in the HEADERS frame, with no body and no trailers after it.</summary>
    public bool IsTrailersOnly => Headers.ContainsKey("grpc-status") && Body.Length == 0 && Trailers.Count == 0;

    /// <summary>The body split into length-prefixed messages (uncompressed).</summary>
    public IReadOnlyList<byte[]> Messages
    {
        get
        {
            var messages = new List<byte[]>();
            var rest = Body.AsSpan();
            while (rest.Length > 0)
            {
                Assert.True(rest.Length >= GrpcProtocol.HeaderSize, "Truncated frame header in the response.");
                Assert.Equal(0, rest[0]);
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(rest[1..]);
                messages.Add(rest.Slice(GrpcProtocol.HeaderSize, length).ToArray());
                rest = rest[(GrpcProtocol.HeaderSize + length)..];
            }
            return messages;
        }
    }

    public override string ToString() =>
        $"HTTP {(int)HttpStatus} {Version}; headers: {string.Join("; ", Headers.Select(h => $"{h.Key}={h.Value}"))}; " +
        $"body: {Body.Length} bytes; trailers: {string.Join("; ", Trailers.Select(h => $"{h.Key}={h.Value}"))}";
}

internal static class ServingAssertions
{
    /// <summary>A normal call, over the given raw client's connection and over a fresh channel, still gets OK.</summary>
    public static async Task AssertStillServesAsync(this TestServer server, RawGrpcClient? raw = null)
    {
        if (raw is not null)
        {
            Assert.Equal("still raw", (await raw.EchoAsync("still raw")).Text);
        }
        using var channel = server.CreateChannel();
        var client = new Echo.Echo.EchoClient(channel);
        var reply = await client.UnaryAsync(new Echo.EchoRequest { Text = "still serving" }).ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("still serving", reply.Text);
    }
}
