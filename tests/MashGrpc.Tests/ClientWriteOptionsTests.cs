using MashGrpc.Core;
using MashGrpc.Tests.Echo;

namespace MashGrpc.Tests;

/// <summary>WriteFlags.BufferHint on a client's request stream: messages wait to go out together, and none is lost.</summary>
public sealed class ClientWriteOptionsTests
{
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    [Fact]
    public async Task Buffered_messages_are_sent_in_order_when_the_stream_completes()
    {
        await using var server = await TestServer.StartAsync();
        using var call = server.CreateClient().ClientStream();

        call.RequestStream.WriteOptions = Buffered;
        foreach (var text in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text });
        }
        await call.RequestStream.CompleteAsync();

        Assert.Equal("a,b,c", (await call).Text);
        Assert.Same(Buffered, call.RequestStream.WriteOptions);
    }

    [Fact]
    public async Task A_flushed_write_carries_the_buffered_ones_before_it()
    {
        await using var server = await TestServer.StartAsync();
        using var call = server.CreateClient().Duplex();

        call.RequestStream.WriteOptions = Buffered;
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "first" });
        call.RequestStream.WriteOptions = null;
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "second" });
        // The stream stays open: only the flush can have brought both to the server.
        var replies = new List<string>();
        while (replies.Count < 2 && await call.ResponseStream.MoveNext(default).WaitAsync(TimeSpan.FromSeconds(30)))
        {
            replies.Add(call.ResponseStream.Current.Text);
        }
        await call.RequestStream.CompleteAsync();

        Assert.Equal(["first", "second"], replies);
    }
}
