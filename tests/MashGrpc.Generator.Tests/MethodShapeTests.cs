namespace MashGrpc.Generator.Tests;

/// <summary>The generated server base, BindService and client members for each kind of rpc.</summary>
public class MethodShapeTests
{
    private const string Core = "global::MashGrpc.Core.";
    private const string Req = "global::Grpc.Testing.SimpleRequest";
    private const string Resp = "global::Grpc.Testing.SimpleResponse";
    private const string CallArgs = "global::MashGrpc.Core.Metadata? headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default";

    private static readonly Lazy<string> TestService = new(() =>
        GeneratorHarness.Run(["Test.cs", "Other.cs"]).Source("Grpc.Testing.TestService.g.cs"));

    [Fact]
    public void Unary_rpc_gets_method_handler_binding_and_blocking_and_async_client_calls()
    {
        var code = TestService.Value;
        Assert.Contains($"static readonly {Core}Method<{Req}, {Resp}> __Method_UnaryCall =", code);
        Assert.Contains($"new({Core}MethodType.Unary, ServiceName, \"UnaryCall\", __Marshaller_grpc_testing_SimpleRequest, __Marshaller_grpc_testing_SimpleResponse);", code);
        Assert.Contains($"public virtual global::System.Threading.Tasks.Task<{Resp}> UnaryCall({Req} request, {Core}ServerCallContext context)", code);
        Assert.Contains($"=> throw new {Core}RpcException(new {Core}Status({Core}StatusCode.Unimplemented, \"\"));", code);
        Assert.Contains("binder.AddUnaryMethod(__Method_UnaryCall, static (service, request, context) => service.UnaryCall(request, context));", code);
        Assert.Contains($"public virtual {Resp} UnaryCall({Req} request, {CallArgs})", code);
        Assert.Contains($"=> UnaryCall(request, new {Core}CallOptions(headers, deadline, cancellationToken));", code);
        Assert.Contains($"public virtual {Resp} UnaryCall({Req} request, {Core}CallOptions options)", code);
        Assert.Contains("=> CallInvoker.BlockingUnaryCall(__Method_UnaryCall, null, options, request);", code);
        Assert.Contains($"public virtual {Core}AsyncUnaryCall<{Resp}> UnaryCallAsync({Req} request, {CallArgs})", code);
        Assert.Contains($"=> UnaryCallAsync(request, new {Core}CallOptions(headers, deadline, cancellationToken));", code);
        Assert.Contains($"public virtual {Core}AsyncUnaryCall<{Resp}> UnaryCallAsync({Req} request, {Core}CallOptions options)", code);
        Assert.Contains("=> CallInvoker.AsyncUnaryCall(__Method_UnaryCall, null, options, request);", code);
    }

    [Fact]
    public void Client_streaming_rpc_takes_a_request_stream_and_returns_one_response()
    {
        var code = TestService.Value;
        Assert.Contains($"new({Core}MethodType.ClientStreaming, ServiceName, \"StreamingInputCall\",", code);
        Assert.Contains($"public virtual global::System.Threading.Tasks.Task<{Resp}> StreamingInputCall({Core}IAsyncStreamReader<{Req}> requestStream, {Core}ServerCallContext context)", code);
        Assert.Contains("binder.AddClientStreamingMethod(__Method_StreamingInputCall, static (service, requestStream, context) => service.StreamingInputCall(requestStream, context));", code);
        Assert.Contains($"public virtual {Core}AsyncClientStreamingCall<{Req}, {Resp}> StreamingInputCall({CallArgs})", code);
        Assert.Contains($"=> StreamingInputCall(new {Core}CallOptions(headers, deadline, cancellationToken));", code);
        Assert.Contains($"public virtual {Core}AsyncClientStreamingCall<{Req}, {Resp}> StreamingInputCall({Core}CallOptions options)", code);
        Assert.Contains("=> CallInvoker.AsyncClientStreamingCall(__Method_StreamingInputCall, null, options);", code);
        Assert.DoesNotContain("StreamingInputCallAsync", code);
    }

    [Fact]
    public void Server_streaming_rpc_takes_a_request_and_a_response_stream()
    {
        var code = TestService.Value;
        Assert.Contains($"new({Core}MethodType.ServerStreaming, ServiceName, \"StreamingOutputCall\",", code);
        Assert.Contains($"public virtual global::System.Threading.Tasks.Task StreamingOutputCall({Req} request, {Core}IServerStreamWriter<{Resp}> responseStream, {Core}ServerCallContext context)", code);
        Assert.Contains("binder.AddServerStreamingMethod(__Method_StreamingOutputCall, static (service, request, responseStream, context) => service.StreamingOutputCall(request, responseStream, context));", code);
        Assert.Contains($"public virtual {Core}AsyncServerStreamingCall<{Resp}> StreamingOutputCall({Req} request, {CallArgs})", code);
        Assert.Contains($"public virtual {Core}AsyncServerStreamingCall<{Resp}> StreamingOutputCall({Req} request, {Core}CallOptions options)", code);
        Assert.Contains("=> CallInvoker.AsyncServerStreamingCall(__Method_StreamingOutputCall, null, options, request);", code);
    }

    [Fact]
    public void Duplex_rpc_takes_a_request_stream_and_a_response_stream()
    {
        var code = TestService.Value;
        Assert.Contains($"new({Core}MethodType.DuplexStreaming, ServiceName, \"FullDuplexCall\",", code);
        Assert.Contains($"public virtual global::System.Threading.Tasks.Task FullDuplexCall({Core}IAsyncStreamReader<{Req}> requestStream, {Core}IServerStreamWriter<{Resp}> responseStream, {Core}ServerCallContext context)", code);
        Assert.Contains("binder.AddDuplexStreamingMethod(__Method_FullDuplexCall, static (service, requestStream, responseStream, context) => service.FullDuplexCall(requestStream, responseStream, context));", code);
        Assert.Contains($"public virtual {Core}AsyncDuplexStreamingCall<{Req}, {Resp}> FullDuplexCall({CallArgs})", code);
        Assert.Contains($"public virtual {Core}AsyncDuplexStreamingCall<{Req}, {Resp}> FullDuplexCall({Core}CallOptions options)", code);
        Assert.Contains("=> CallInvoker.AsyncDuplexStreamingCall(__Method_FullDuplexCall, null, options);", code);
    }

    [Fact]
    public void One_marshaller_is_declared_per_distinct_message_type()
    {
        var code = TestService.Value;
        Assert.Equal(1, Count(code, "__Marshaller_grpc_testing_SimpleRequest = "));
        Assert.Equal(1, Count(code, "__Marshaller_grpc_testing_SimpleResponse = "));
        Assert.Contains($"static readonly {Core}Marshaller<{Req}> __Marshaller_grpc_testing_SimpleRequest = {Core}Marshallers.Create({Req}.Parser);", code);
        Assert.Equal(3, Count(code, " = global::MashGrpc.Core.Marshallers.Create("));
    }

    [Fact]
    public void Rpc_named_like_a_csharp_keyword_is_escaped_with_at()
    {
        var code = GeneratorHarness.Run(["Test.cs", "Other.cs"]).Source("Grpc.Testing.SecondService.g.cs");
        Assert.Contains($"Task<{Resp}> @lock({Req} request, {Core}ServerCallContext context)", code);
        Assert.Contains("service.@lock(request, context)", code);
        Assert.Contains("ServiceName, \"lock\",", code);
        Assert.Contains("__Method_lock", code);
        Assert.Contains($"public virtual {Resp} @lock({Req} request, {Core}CallOptions options)", code);
        Assert.Contains($"public virtual {Core}AsyncUnaryCall<{Resp}> lockAsync({Req} request, {Core}CallOptions options)", code);
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
