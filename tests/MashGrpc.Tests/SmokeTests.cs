using MashGrpc.Core;
using MashGrpc.Tests.Echo;

namespace MashGrpc.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Unary_call_round_trips()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();
        var reply = await client.UnaryAsync(new EchoRequest { Text = "hello" });
        Assert.Equal("hello", reply.Text);
    }

    [Fact]
    public async Task All_four_shapes_work()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        using var serverStream = client.ServerStream(new EchoRequest { Text = "s", Repeat = 3 });
        var replies = await serverStream.ResponseStream.ReadAllAsync().ToListAsync();
        Assert.Equal([0, 1, 2], replies.Select(r => r.Index));

        using var clientStream = client.ClientStream();
        await clientStream.RequestStream.WriteAsync(new EchoRequest { Text = "a" });
        await clientStream.RequestStream.WriteAsync(new EchoRequest { Text = "b" });
        await clientStream.RequestStream.CompleteAsync();
        Assert.Equal("a,b", (await clientStream).Text);

        using var duplex = client.Duplex();
        await duplex.RequestStream.WriteAsync(new EchoRequest { Text = "x" });
        Assert.True(await duplex.ResponseStream.MoveNext(default));
        Assert.Equal("x", duplex.ResponseStream.Current.Text);
        await duplex.RequestStream.CompleteAsync();
        Assert.False(await duplex.ResponseStream.MoveNext(default));
        Assert.Equal(StatusCode.OK, duplex.GetStatus().StatusCode);
    }
}
