using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net;
using Google.Protobuf;
using GrpcBenchmark.Proto;
using Grpc.Core;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrpcBenchmark;

/// <summary>
/// A Kestrel server (h2c on a free loopback port), built the same way for both sides: either the runtime's
/// typed service, or the bare endpoint doing the same framing inline, on the same path.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    /// <summary>The method's path, on both servers: /mashgrpc.bench.Bench/Unary.</summary>
    public const string MethodPath = "/" + Bench.ServiceName + "/Unary";

    private readonly WebApplication app;

    private BenchServer(WebApplication app)
    {
        this.app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Address { get; }

    public static async Task<BenchServer> StartAsync(bool runtime)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        if (runtime)
        {
            builder.Services.AddGrpc();
        }
        var app = builder.Build();
        if (runtime)
        {
            app.MapGrpcService<BenchService>();
        }
        else
        {
            app.MapPost(MethodPath, BareEndpoint.HandleAsync);
        }
        await app.StartAsync().ConfigureAwait(false);
        return new BenchServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>The runtime's side: a typed service on the generated base.</summary>
internal sealed class BenchService : Bench.BenchBase
{
    public override Task<BenchReply> Unary(BenchRequest request, ServerCallContext context) =>
        Task.FromResult(new BenchReply { Id = request.Id, Payload = request.Payload });
}

/// <summary>
/// The ceiling: what a unary gRPC call costs Kestrel with nothing of the runtime in between. Reads the
/// whole request body, checks and strips the 5-byte prefix, parses the same message type, answers with one
/// framed message, content-type application/grpc and a grpc-status: 0 trailer.
/// </summary>
internal static class BareEndpoint
{
    private const int HeaderSize = 5;

    public static async Task HandleAsync(HttpContext context)
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
        var message = Parse(result.Buffer);
        reader.AdvanceTo(result.Buffer.End);

        var reply = new BenchReply { Id = message.Id, Payload = message.Payload };
        response.ContentType = "application/grpc";
        WriteFrame(response.BodyWriter, reply);
        response.AppendTrailer("grpc-status", "0");
    }

    private static BenchRequest Parse(ReadOnlySequence<byte> body)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        if (body.Length < HeaderSize)
        {
            throw new InvalidDataException("Request shorter than a gRPC frame prefix.");
        }
        body.Slice(0, HeaderSize).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (header[0] != 0 || body.Length != HeaderSize + length)
        {
            throw new InvalidDataException("Not exactly one uncompressed gRPC frame.");
        }
        return BenchRequest.Parser.ParseFrom(body.Slice(HeaderSize));
    }

    private static void WriteFrame(PipeWriter writer, BenchReply reply)
    {
        var size = reply.CalculateSize();
        var frame = writer.GetSpan(HeaderSize + size);
        frame[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(frame[1..], (uint)size);
        reply.WriteTo(frame.Slice(HeaderSize, size));
        writer.Advance(HeaderSize + size);
    }
}
