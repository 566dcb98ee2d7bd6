using MashGrpc.Core;
using MashGrpc.Tests.Echo;

namespace MashGrpc.Tests;

/// <summary>What a handler sees of odd request metadata, and how its own failures are reported.</summary>
public sealed class ServerHeaderToleranceTests
{
    [Fact]
    public async Task Undecodable_binary_header_is_left_out_and_the_call_succeeds()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(
            RawGrpcClient.EchoUnary,
            RawGrpcClient.Frame(new EchoRequest { Text = "headers" }),
            [("x-good", "fine"), ("x-broken-bin", "***not base64***")]);

        Assert.Equal(0, response.GrpcStatus);
        var keys = EchoReply.Parser.ParseFrom(response.Messages.Single()).Text.Split(',');
        Assert.Contains("x-good", keys);
        Assert.DoesNotContain("x-broken-bin", keys);
    }

    [Fact]
    public async Task Handlers_own_IOException_is_UNKNOWN_not_CANCELLED()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.UnaryAsync(new EchoRequest { Text = "throw-io" }));

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.DoesNotContain("disk", error.Status.Detail, StringComparison.Ordinal);
    }
}
