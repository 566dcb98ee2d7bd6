using MashGrpc.Core;
using MashGrpc.Tests.Echo;

namespace MashGrpc.Tests;

/// <summary>WriteFlags.BufferHint on a response stream: messages wait to go out together, and none is lost.</summary>
public sealed class ServerWriteOptionsTests
{
    [Theory]
    [InlineData("buffered")]
    [InlineData("buffered-all")]
    public async Task Buffered_messages_all_arrive_in_order_with_the_status(string text)
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.ServerStream(new EchoRequest { Text = text, Repeat = 50 });
        var replies = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(0, 50), replies.Select(r => r.Index));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public void A_writer_without_a_buffer_ignores_the_hint()
    {
        IAsyncStreamWriter<string> writer = new Unbuffered();

        writer.WriteOptions = new WriteOptions(WriteFlags.BufferHint);

        Assert.Null(writer.WriteOptions);
    }

    private sealed class Unbuffered : IAsyncStreamWriter<string>
    {
        public Task WriteAsync(string message) => Task.CompletedTask;

        public Task WriteAsync(string message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
