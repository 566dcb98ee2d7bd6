using Google.Protobuf;
using MashGrpc.Core;
using MashGrpc.Server;
using V1 = MashGrpc.Reflection.V1;
using V1Alpha = MashGrpc.Reflection.V1Alpha;

namespace MashGrpc.Reflection;

/// <summary>grpc.reflection.v1: answers each request on the stream from the index of mapped services.</summary>
internal sealed class ReflectionServiceImpl(GrpcServiceRegistry registry) : V1.ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(
        IAsyncStreamReader<V1.ServerReflectionRequest> requestStream, IServerStreamWriter<V1.ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        var index = new ReflectionIndex(registry.Services);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            await responseStream.WriteAsync(index.Answer(requestStream.Current));
        }
    }
}

/// <summary>
/// grpc.reflection.v1alpha, still what many tools ask first. Its messages are the v1 messages
/// byte for byte, so each request is answered by the v1 index through a re-parse.
/// </summary>
internal sealed class ReflectionServiceV1AlphaImpl(GrpcServiceRegistry registry) : V1Alpha.ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(
        IAsyncStreamReader<V1Alpha.ServerReflectionRequest> requestStream, IServerStreamWriter<V1Alpha.ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        var index = new ReflectionIndex(registry.Services);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = V1.ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var answer = index.Answer(request);
            await responseStream.WriteAsync(V1Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()));
        }
    }
}
