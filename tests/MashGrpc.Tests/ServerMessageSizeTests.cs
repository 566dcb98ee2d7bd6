using Google.Protobuf;
using MashGrpc.Client;
using MashGrpc.Core;
using MashGrpc.Tests.Echo;

namespace MashGrpc.Tests;

/// <summary>The server's receive limit: 4 MB by default, configurable.</summary>
public sealed class ServerMessageSizeTests
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    [Fact]
    public async Task Request_over_the_default_limit_is_resource_exhausted()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[FiveMegabytes]) }).ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Empty(server.Log.Calls);
        await server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Request_just_under_the_default_limit_is_accepted()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();
        var payload = ByteString.CopyFrom(new byte[(4 * 1024 * 1024) - 16]);
        Assert.True(new EchoRequest { Payload = payload }.CalculateSize() <= 4 * 1024 * 1024);

        var reply = await client.UnaryAsync(new EchoRequest { Payload = payload });

        Assert.Equal(payload.Length, reply.Payload.Length);
    }

    [Fact]
    public async Task Larger_configured_limit_accepts_a_5MB_request()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxReceiveMessageSize = 8 * 1024 * 1024);
        // The echo comes back just as big, so the client's own 4 MB receive limit is raised too.
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 8 * 1024 * 1024 });
        var client = new Echo.Echo.EchoClient(channel);
        var payload = ByteString.CopyFrom(Enumerable.Range(0, FiveMegabytes).Select(i => (byte)i).ToArray());

        var reply = await client.UnaryAsync(new EchoRequest { Payload = payload });

        Assert.Equal(payload, reply.Payload);
    }

    [Fact]
    public async Task No_limit_accepts_a_5MB_request()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxReceiveMessageSize = null);
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = null });
        var client = new Echo.Echo.EchoClient(channel);

        var reply = await client.UnaryAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[FiveMegabytes]) });

        Assert.Equal(FiveMegabytes, reply.Payload.Length);
    }

    [Fact]
    public async Task Gzip_request_inflating_past_the_limit_is_resource_exhausted()
    {
        // 5 MB of zeros compress to a few kilobytes: the limit applies to the message, not the wire bytes.
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);
        var message = new EchoRequest { Payload = ByteString.CopyFrom(new byte[FiveMegabytes]) }.ToByteArray();

        var response = await raw.PostAsync(RawGrpcClient.EchoUnary, RawGrpcClient.Frame(RawGrpcClient.Gzip(message), flag: 1), [("grpc-encoding", "gzip")]);

        Assert.Equal((int)StatusCode.ResourceExhausted, response.GrpcStatus);
        Assert.Empty(server.Log.Calls);
        await server.AssertStillServesAsync(raw);
    }
}
