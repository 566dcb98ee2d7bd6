using MashGrpc.Core;
using MashGrpc.Tests.Echo;

namespace MashGrpc.Tests;

/// <summary>Kestrel's minimum data rates (240 B/s after a 5 s grace period) must not kill an idle stream.</summary>
public sealed class ServerLongLivedStreamTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Idle_duplex_stream_outlives_the_min_data_rate_grace_period()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.Duplex();
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "before" });
        Assert.True(await call.ResponseStream.MoveNext(default).WaitAsync(Guard));
        Assert.Equal("before", call.ResponseStream.Current.Text);

        // Both directions idle for longer than the 5 s grace period, far below 240 bytes a second.
        await Task.Delay(TimeSpan.FromSeconds(7));

        await call.RequestStream.WriteAsync(new EchoRequest { Text = "after" });
        Assert.True(await call.ResponseStream.MoveNext(default).WaitAsync(Guard));
        Assert.Equal("after", call.ResponseStream.Current.Text);
        Assert.Equal(1, call.ResponseStream.Current.Index);
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(default).WaitAsync(Guard));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Empty(server.Log.CancelledMethods);
    }
}
