using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace GrpcBenchmark;

/// <summary>
/// The ceiling's server side: what a unary gRPC call costs Kestrel with no gRPC library in between.
/// Reads the whole request body, parses the one frame, answers with one framed message,
/// content-type application/grpc and a grpc-status: 0 trailer.
/// </summary>
internal static class BareUnaryEndpoint
{
    public static RequestDelegate Handle<TRequest, TReply>(MessageParser<TRequest> parser, Func<TRequest, TReply> answer)
        where TRequest : IMessage<TRequest>
        where TReply : IMessage<TReply> => async context =>
    {
        var request = context.Request;
        var response = context.Response;
        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/grpc", StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        var reader = request.BodyReader;
        ReadResult result;
        while (true)
        {
            result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            if (result.IsCompleted || result.IsCanceled)
            {
                break;
            }
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
        var message = GrpcFrame.ParseSingle(parser, result.Buffer);
        reader.AdvanceTo(result.Buffer.End);

        response.ContentType = "application/grpc";
        GrpcFrame.Write(response.BodyWriter, answer(message));
        response.AppendTrailer("grpc-status", "0");
    };
}

/// <summary>
/// The ceiling's client: raw HttpMessageInvokers, one SocketsHttpHandler (so one HTTP/2 connection)
/// each, taken round-robin; sends one framed request as gRPC clients do (content-type,
/// <c>te: trailers</c>, no Content-Length), parses the one reply frame, checks it and grpc-status.
/// </summary>
internal sealed class BareUnaryTarget<TRequest, TReply> : IBenchTarget, IDisposable
    where TRequest : IMessage<TRequest>
    where TReply : IMessage<TReply>
{
    private readonly HttpMessageInvoker[] invokers;
    private readonly Uri uri;
    private readonly Func<long, TRequest> request;
    private readonly MessageParser<TReply> parser;
    private readonly Action<long, TRequest, TReply> check;
    private readonly (string Name, string Value)[] headers;
    private int next;

    /// <param name="check">Throws when the reply does not answer the request.</param>
    /// <param name="headers">Sent with every call, as the typed client sends its metadata.</param>
    public BareUnaryTarget(string name, Uri address, string path, int connections, Func<long, TRequest> request, MessageParser<TReply> parser, Action<long, TRequest, TReply> check, params (string Name, string Value)[] headers)
    {
        this.headers = headers;
        Name = name;
        invokers = [.. Enumerable.Range(0, connections).Select(_ => new HttpMessageInvoker(H2c.Handler(), disposeHandler: true))];
        uri = new Uri(address, path);
        this.request = request;
        this.parser = parser;
        this.check = check;
    }

    public string Name { get; }

    public async Task CallAsync(long id)
    {
        var invoker = invokers[(int)((uint)Interlocked.Increment(ref next) % invokers.Length)];
        var message = request(id);
        using var httpRequest = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new FrameContent(GrpcFrame.ToArray(message)),
        };
        httpRequest.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (header, value) in headers)
        {
            httpRequest.Headers.TryAddWithoutValidation(header, value);
        }
        using var response = await invoker.SendAsync(httpRequest, CancellationToken.None).ConfigureAwait(false);
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
            check(id, message, GrpcFrame.ParseSingle(parser, buffer.AsSpan(0, filled)));
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
