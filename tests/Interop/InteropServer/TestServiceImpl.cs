using System.Globalization;
using System.Text;
using Google.Protobuf;
using Grpc.Testing;
using MashGrpc.Core;

namespace Interop.Server;

/// <summary>
/// The interop server features of doc/interop-test-descriptions.md: EmptyCall, UnaryCall, CacheableUnaryCall,
/// StreamingOutputCall, StreamingInputCall, FullDuplexCall, HalfDuplexCall, Echo Status, Echo Metadata and
/// ResponseParameters.interval_us. UnimplementedCall is left to the generated base (UNIMPLEMENTED).
/// </summary>
public sealed class TestServiceImpl : TestService.TestServiceBase
{
    public override async Task<Empty> EmptyCall(Empty request, ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context);
        return new Empty();
    }

    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context);
        EchoStatus(request.ResponseStatus);
        return new SimpleResponse { Payload = Payloads.Zeros(request.ResponseType, request.ResponseSize) };
    }

    public override async Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context, new Metadata { { "cache-control", "max-age=60, public" } });
        // Current time in nanoseconds as ASCII decimal: different for every request.
        var nanos = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        var body = Encoding.ASCII.GetBytes(nanos.ToString(CultureInfo.InvariantCulture));
        return new SimpleResponse { Payload = new Payload { Type = PayloadType.Compressable, Body = ByteString.CopyFrom(body) } };
    }

    public override async Task StreamingOutputCall(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context);
        EchoStatus(request.ResponseStatus);
        await RespondAsync(request, responseStream, context);
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(
        IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context);
        var size = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            size += request.Payload?.Body.Length ?? 0;
        }
        return new StreamingInputCallResponse { AggregatedPayloadSize = size };
    }

    public override async Task FullDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context);
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            EchoStatus(request.ResponseStatus);
            await RespondAsync(request, responseStream, context);
        }
    }

    public override async Task HalfDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadata.ApplyAsync(context);
        var requests = new List<StreamingOutputCallRequest>();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            requests.Add(request);
        }
        foreach (var request in requests)
        {
            EchoStatus(request.ResponseStatus);
            await RespondAsync(request, responseStream, context);
        }
    }

    /// <summary>One response per ResponseParameters, in order, each after its interval_us.</summary>
    private static async Task RespondAsync(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
            }
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Payloads.Zeros(request.ResponseType, parameters.Size) });
        }
    }

    /// <summary>Echo Status: a response_status with a non-OK code ends the call with that code and message.</summary>
    private static void EchoStatus(Grpc.Testing.EchoStatus? responseStatus)
    {
        if (responseStatus is { Code: not 0 })
        {
            throw new RpcException(new Status((StatusCode)responseStatus.Code, responseStatus.Message));
        }
    }
}
