using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MashGrpc.Client;
using MashGrpc.Core;
using MashGrpc.Internal;
using MashGrpc.Tests.Echo;
using Microsoft.AspNetCore.Http;

namespace MashGrpc.Tests;

/// <summary>How the client turns what an HTTP/2 server answered into a call's status, headers and trailers.</summary>
public sealed class ClientStatusMappingTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    public async Task Http_error_status_maps_to_its_grpc_status(int httpStatus, StatusCode expected)
    {
        await using var server = await BareHttp2Server.StartAsync(context =>
        {
            context.Response.StatusCode = httpStatus;
            return Task.CompletedTask;
        });

        var ex = await CallUnaryAndExpectFailure(server);

        Assert.Equal(expected, ex.StatusCode);
        Assert.Contains(httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ok_response_without_any_grpc_status_is_internal()
    {
        await using var server = await BareHttp2Server.StartAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(BareHttp2Server.Frame(new EchoReply { Text = "orphan" }));
            // no grpc-status in headers nor trailers
        });

        var ex = await CallUnaryAndExpectFailure(server);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Ok_response_with_non_grpc_content_type_is_unknown()
    {
        await using var server = await BareHttp2Server.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>a proxy's error page</html>");
        });

        var ex = await CallUnaryAndExpectFailure(server);

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Contains("text/html", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trailers_only_response_gives_its_status_and_message()
    {
        await using var server = await BareHttp2Server.StartAsync(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "7";
            context.Response.Headers["grpc-message"] = "not for you";
            context.Response.Headers["x-why"] = "policy";
            return Task.CompletedTask;
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Echo.Echo.EchoClient(channel);

        using var call = client.UnaryAsync(new EchoRequest { Text = "hi" });
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal("not for you", ex.Status.Detail);
        Assert.Equal(ex.Status, call.GetStatus());
        Assert.Equal("policy", call.GetTrailers().GetValue("x-why"));
    }

    [Fact]
    public async Task Two_response_messages_to_a_unary_call_is_internal()
    {
        await using var server = await BareHttp2Server.StartAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(BareHttp2Server.Frame(new EchoReply { Text = "one" }));
            await context.Response.Body.WriteAsync(BareHttp2Server.Frame(new EchoReply { Text = "two" }));
            context.Response.AppendTrailer("grpc-status", "0");
        });

        var ex = await CallUnaryAndExpectFailure(server);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Grpc_message_is_percent_decoded_as_utf8()
    {
        await using var server = await BareHttp2Server.StartAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.FlushAsync();
            context.Response.AppendTrailer("grpc-status", "3");
            context.Response.AppendTrailer("grpc-message", "caf%C3%A9 100%25 sure%0A%E2%9C%93");
        });

        var ex = await CallUnaryAndExpectFailure(server);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("café 100% sure\n✓", ex.Status.Detail);
    }

    [Fact]
    public async Task Response_headers_and_trailers_including_binary_ones_are_exposed()
    {
        byte[] binary = [0, 1, 2, 250, 255];
        await using var server = await BareHttp2Server.StartAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["x-header"] = "head-value";
            await context.Response.Body.WriteAsync(BareHttp2Server.Frame(new EchoReply { Text = "body" }));
            context.Response.AppendTrailer("grpc-status", "0");
            context.Response.AppendTrailer("x-trailer", "tail-value");
            context.Response.AppendTrailer("x-trailer-bin", Convert.ToBase64String(binary));
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Echo.Echo.EchoClient(channel);

        using var call = client.UnaryAsync(new EchoRequest { Text = "hi" });
        var headers = await call.ResponseHeadersAsync.WaitAsync(HangGuard);
        var reply = await call.ResponseAsync.WaitAsync(HangGuard);

        Assert.Equal("body", reply.Text);
        Assert.Equal("head-value", headers.GetValue("x-header"));
        Assert.Null(headers.Get("content-type")); // protocol headers are not metadata
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        var trailers = call.GetTrailers();
        Assert.Equal("tail-value", trailers.GetValue("x-trailer"));
        Assert.Equal(binary, trailers.GetValueBytes("x-trailer-bin"));
        Assert.Null(trailers.Get("grpc-status"));
    }

    [Fact]
    public async Task Server_that_never_answers_hits_the_client_deadline_and_was_sent_grpc_timeout()
    {
        await using var server = await BareHttp2Server.StartAsync(async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // the client reset the stream
            }
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Echo.Echo.EchoClient(channel);
        var timeout = TimeSpan.FromSeconds(2); // long enough for the request to reach the handler on a busy machine

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(new EchoRequest { Text = "hi" }, deadline: DateTime.UtcNow + timeout).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        var request = Assert.Single(server.Requests);
        var sent = request["grpc-timeout"].ToString();
        Assert.Matches(new Regex("^[0-9]{1,8}[HMSmun]$"), sent);
        Assert.True(GrpcTimeout.TryParse(sent, out var parsed));
        Assert.InRange(parsed, TimeSpan.FromTicks(1), timeout);
    }

    [Fact]
    public async Task Connection_refused_is_unavailable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there any more
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var client = new Echo.Echo.EchoClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest { Text = "hi" }).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task Deadline_already_passed_fails_without_sending_a_request()
    {
        await using var server = await BareHttp2Server.StartAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(BareHttp2Server.Frame(new EchoReply { Text = "answered" }));
            context.Response.AppendTrailer("grpc-status", "0");
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Echo.Echo.EchoClient(channel);

        using var call = client.UnaryAsync(new EchoRequest { Text = "late" }, deadline: DateTime.UtcNow.AddSeconds(-1));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode);
        // A later call on the same channel does reach the server: it is the only request the server ever saw.
        var reply = await client.UnaryAsync(new EchoRequest { Text = "later" }).ResponseAsync.WaitAsync(HangGuard);
        Assert.Equal("answered", reply.Text);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Response_larger_than_max_receive_message_size_is_resource_exhausted()
    {
        await using var server = await BareHttp2Server.StartAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(BareHttp2Server.Frame(new EchoReply { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[1000]) }));
            context.Response.AppendTrailer("grpc-status", "0");
        });
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 100 });
        var client = new Echo.Echo.EchoClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest { Text = "hi" }).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    private static async Task<RpcException> CallUnaryAndExpectFailure(BareHttp2Server server)
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new Echo.Echo.EchoClient(channel);
        return await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest { Text = "hi" }).ResponseAsync.WaitAsync(HangGuard));
    }
}
