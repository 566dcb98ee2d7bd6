using MashGrpc.Core;
using MashGrpc.Tests.Echo;
using static MashGrpc.Tests.RawGrpcClient;

namespace MashGrpc.Tests;

/// <summary>How handler failures reach the client: status, message, trailers, and where they travel.</summary>
public sealed class ServerErrorTests
{
    private const string SpecialStatusMessage = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";

    [Fact]
    public async Task Handler_exception_is_unknown_and_does_not_leak_its_message()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest { Text = "throw" }).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Equal("Exception was thrown by handler.", ex.Status.Detail);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ex.Trailers, e => !e.IsBinary && e.Value.Contains("secret", StringComparison.OrdinalIgnoreCase));
        await server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Handler_exception_on_the_wire_carries_only_the_generic_message()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(EchoUnary, Frame(new EchoRequest { Text = "throw" }));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal((int)StatusCode.Unknown, response.GrpcStatus);
        Assert.Equal("Exception was thrown by handler.", response.GrpcMessage);
        Assert.DoesNotContain(response.Headers, h => h.Value.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Detailed_errors_include_the_exception_message()
    {
        await using var server = await TestServer.StartAsync(o => o.EnableDetailedErrors = true);
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest { Text = "throw" }).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.StartsWith("Exception was thrown by handler.", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("secret internal detail", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RpcException_status_message_and_trailers_reach_the_client()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(new EchoRequest { Text = "nope", FailWith = (int)StatusCode.FailedPrecondition }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal("failed as asked: nope", ex.Status.Detail);
        Assert.Equal("asked-to-fail", ex.Trailers.GetValue("x-reason"));
    }

    [Fact]
    public async Task Special_characters_in_the_status_message_round_trip()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.UnaryAsync(new EchoRequest { Text = SpecialStatusMessage, FailWith = (int)StatusCode.Unknown });
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Equal("failed as asked: " + SpecialStatusMessage, ex.Status.Detail);
        Assert.Equal("failed as asked: " + SpecialStatusMessage, call.GetStatus().Detail);
    }

    [Fact]
    public async Task Special_characters_in_the_status_message_travel_percent_encoded()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(EchoUnary, Frame(new EchoRequest { Text = SpecialStatusMessage, FailWith = (int)StatusCode.Unknown }));

        Assert.Equal(
            "failed as asked: %09%0Atest with whitespace%0D%0Aand Unicode BMP %E2%98%BA and non-BMP %F0%9F%98%88%09%0A",
            response.Headers["grpc-message"]);
    }

    [Fact]
    public async Task Failure_before_any_message_is_trailers_only()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(EchoServerStream, Frame(new EchoRequest { Text = "x", Repeat = 0, FailWith = (int)StatusCode.Aborted }));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal((int)StatusCode.Aborted, response.GrpcStatus);
        Assert.Equal("failed as asked: x", response.GrpcMessage);
        Assert.Equal("asked-to-fail", response.Headers["x-reason"]);
    }

    [Fact]
    public async Task Failure_after_streamed_messages_arrives_in_trailers_after_the_messages()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(EchoServerStream, Frame(new EchoRequest { Text = "x", Repeat = 2, FailWith = (int)StatusCode.Aborted }));

        Assert.False(response.Headers.ContainsKey("grpc-status"), response.ToString());
        Assert.False(response.Headers.ContainsKey("x-reason"), response.ToString());
        Assert.Equal([0, 1], response.Messages.Select(m => EchoReply.Parser.ParseFrom(m).Index));
        Assert.Equal("10", response.Trailers["grpc-status"]);
        Assert.Equal("failed as asked: x", response.GrpcMessage);
        Assert.Equal("asked-to-fail", response.Trailers["x-reason"]);
    }

    [Fact]
    public async Task Generated_client_reads_the_messages_then_sees_the_failure_with_its_trailers()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.ServerStream(new EchoRequest { Text = "x", Repeat = 2, FailWith = (int)StatusCode.Aborted });
        Assert.True(await call.ResponseStream.MoveNext(default));
        Assert.True(await call.ResponseStream.MoveNext(default));
        Assert.Equal(1, call.ResponseStream.Current.Index);
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(default));

        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal("asked-to-fail", ex.Trailers.GetValue("x-reason"));
        Assert.Equal("asked-to-fail", call.GetTrailers().GetValue("x-reason"));
    }

    [Fact]
    public async Task Handler_exception_after_streamed_messages_is_unknown_in_trailers()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(EchoServerStream, Frame(new EchoRequest { Text = "throw", Repeat = 1 }));

        Assert.Single(response.Messages);
        Assert.Equal("2", response.Trailers["grpc-status"]);
        Assert.Equal("Exception was thrown by handler.", response.GrpcMessage);
    }

    [Fact]
    public async Task Client_streaming_handler_failure_reaches_the_client()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.ClientStream();
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "ok" });
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "bad", FailWith = (int)StatusCode.InvalidArgument });
        await call.RequestStream.CompleteAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("failed as asked: bad", ex.Status.Detail);
    }
}
