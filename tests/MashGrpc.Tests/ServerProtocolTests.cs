using System.Net;
using MashGrpc.Client;
using MashGrpc.Core;
using MashGrpc.Tests.Echo;

namespace MashGrpc.Tests;

/// <summary>What the server answers at the HTTP level: content-type, HTTP version, unknown paths.</summary>
public sealed class ServerProtocolTests
{
    private static readonly byte[] HelloFrame = RawGrpcClient.Frame(new EchoRequest { Text = "hello" });

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/grpc-web")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Wrong_content_type_is_http_415(string? contentType)
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(RawGrpcClient.EchoUnary, HelloFrame, contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        Assert.Null(response.GrpcStatus);
        Assert.Empty(server.Log.Calls);
        await server.AssertStillServesAsync(raw);
    }

    [Theory]
    [InlineData("application/grpc")]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc;charset=utf-8")]
    [InlineData("Application/GRPC")]
    public async Task Grpc_content_type_variants_are_accepted(string contentType)
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(RawGrpcClient.EchoUnary, HelloFrame, contentType: contentType);

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("hello", EchoReply.Parser.ParseFrom(Assert.Single(response.Messages)).Text);
    }

    [Fact]
    public async Task Successful_unary_response_has_grpc_content_type_one_message_and_status_in_trailers()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(RawGrpcClient.EchoUnary, HelloFrame);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("application/grpc", response.Headers["content-type"]);
        Assert.False(response.Headers.ContainsKey("grpc-status"));
        Assert.Equal("0", response.Trailers["grpc-status"]);
        Assert.Single(response.Messages);
    }

    [Fact]
    public async Task Http11_over_tls_is_http_426()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var server = await TestServer.StartAsync(certificate: certificate);
        Assert.Equal("https", server.Address.Scheme);
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(RawGrpcClient.EchoUnary, HelloFrame, version: HttpVersion.Version11);

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.HttpStatus);
        Assert.Null(response.GrpcStatus);
        Assert.Empty(server.Log.Calls);

        // The same endpoint speaks HTTP/2 to a client that offers it.
        var h2 = await raw.PostAsync(RawGrpcClient.EchoUnary, HelloFrame);
        Assert.Equal(HttpVersion.Version20, h2.Version);
        Assert.Equal(0, h2.GrpcStatus);
    }

    [Fact]
    public async Task Http2_over_tls_works_with_the_generated_client()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var server = await TestServer.StartAsync(certificate: certificate);
        var validated = 0;
        using var channel = server.CreateChannel(new GrpcChannelOptions
        {
            ServerCertificateValidation = (_, presented, _, _) =>
            {
                Interlocked.Increment(ref validated);
                return presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
            },
        });
        var client = new Echo.Echo.EchoClient(channel);

        var reply = await client.UnaryAsync(new EchoRequest { Text = "over tls" });

        Assert.Equal("over tls", reply.Text);
        Assert.True(validated > 0, "The certificate callback was never asked.");
        using var stream = client.ServerStream(new EchoRequest { Text = "s", Repeat = 2 });
        Assert.Equal(2, (await stream.ResponseStream.ReadAllAsync().ToListAsync()).Count);
    }

    [Fact]
    public async Task Untrusted_certificate_fails_the_call_as_unavailable()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var server = await TestServer.StartAsync(certificate: certificate);
        using var channel = server.CreateChannel(new GrpcChannelOptions { ServerCertificateValidation = (_, _, _, _) => false });
        var client = new Echo.Echo.EchoClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest { Text = "x" }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Empty(server.Log.Calls);
    }

    [Theory]
    [InlineData("/no.such.Service/Method", "Service is unimplemented.")]
    [InlineData("/mashgrpc.test.Echo/NoSuchMethod", "Method is unimplemented.")]
    public async Task Unknown_service_or_method_is_trailers_only_unimplemented(string path, string expectedMessage)
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(path, HelloFrame);

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal((int)StatusCode.Unimplemented, response.GrpcStatus);
        Assert.Equal(expectedMessage, response.GrpcMessage);
        Assert.Equal("application/grpc", response.Headers["content-type"]);
        await server.AssertStillServesAsync(raw);
    }

    [Fact]
    public async Task Unknown_method_is_unimplemented_for_the_generated_client_too()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        var marshaller = Marshallers.Create(EchoRequest.Parser);
        var method = new Method<EchoRequest, EchoRequest>(MethodType.Unary, "mashgrpc.test.Echo", "Missing", marshaller, marshaller);

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(method, null, default, new EchoRequest());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal("Method is unimplemented.", ex.Status.Detail);
    }
}
