using MashGrpc.Core;
using MashGrpc.Tests.Echo;

namespace MashGrpc.Tests;

/// <summary>A client that gives up: it sees CANCELLED and the handler's token fires.</summary>
public sealed class ServerCancellationTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Cancelling_a_unary_call_mid_flight_cancels_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();
        using var cts = new CancellationTokenSource();

        using var call = client.UnaryAsync(new EchoRequest { DelayMs = 10_000 }, cancellationToken: cts.Token);
        await WaitUntilAsync(() => !server.Log.Calls.IsEmpty, "the handler to start");
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Guard));

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        Assert.True(await server.Log.WaitForCancellationAsync(Guard), "The handler's token was never cancelled.");
        await server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Disposing_a_server_streaming_call_cancels_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var call = client.ServerStream(new EchoRequest { Repeat = 1, DelayMs = 10_000 });
        Assert.True(await call.ResponseStream.MoveNext(default).WaitAsync(Guard)); // the handler is past its first write
        call.Dispose();

        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(default).WaitAsync(Guard));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.True(await server.Log.WaitForCancellationAsync(Guard), "The handler's token was never cancelled.");
        await server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Disposing_a_duplex_call_cancels_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var call = client.Duplex();
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "one" });
        Assert.True(await call.ResponseStream.MoveNext(default).WaitAsync(Guard));
        var handlerToken = Assert.Single(server.Log.Calls).CancellationToken; // taken while the call is live
        Assert.False(handlerToken.IsCancellationRequested);

        call.Dispose();

        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        await WaitUntilAsync(() => handlerToken.IsCancellationRequested, "the handler's token to be cancelled");
        await server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Cancelling_a_duplex_call_by_token_cancels_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();
        using var cts = new CancellationTokenSource();

        using var call = client.Duplex(cancellationToken: cts.Token);
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "one" });
        Assert.True(await call.ResponseStream.MoveNext(default).WaitAsync(Guard));
        var handlerToken = Assert.Single(server.Log.Calls).CancellationToken;

        await cts.CancelAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(default).WaitAsync(Guard));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new EchoRequest { Text = "two" }).WaitAsync(Guard));
        await WaitUntilAsync(() => handlerToken.IsCancellationRequested, "the handler's token to be cancelled");
        await server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Cancelling_a_client_streaming_call_cancels_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();
        using var cts = new CancellationTokenSource();

        using var call = client.ClientStream(cancellationToken: cts.Token);
        await call.RequestStream.WriteAsync(new EchoRequest { DelayMs = 10_000 });
        await WaitUntilAsync(() => !server.Log.Calls.IsEmpty, "the handler to start");
        var handlerToken = Assert.Single(server.Log.Calls).CancellationToken; // taken while the call is live
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Guard));

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await WaitUntilAsync(() => handlerToken.IsCancellationRequested, "the handler's token to be cancelled");
        await server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Raw_request_reset_by_the_client_cancels_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);
        using var cts = new CancellationTokenSource();

        var post = raw.PostAsync(RawGrpcClient.EchoUnary, RawGrpcClient.Frame(new EchoRequest { DelayMs = 10_000 }), cancellationToken: cts.Token);
        await WaitUntilAsync(() => !server.Log.Calls.IsEmpty, "the handler to start");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post.WaitAsync(Guard));
        Assert.True(await server.Log.WaitForCancellationAsync(Guard), "The handler's token was never cancelled.");
        await server.AssertStillServesAsync(raw);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + Guard;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Timed out waiting for {what}.");
            await Task.Delay(10);
        }
    }
}
