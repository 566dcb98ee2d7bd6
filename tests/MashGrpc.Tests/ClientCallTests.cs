using MashGrpc.Client;
using MashGrpc.Core;
using MashGrpc.Rpc;
using MashGrpc.Server;
using MashGrpc.Tests.Echo;
using MashGrpc.Tests.Probe;

namespace MashGrpc.Tests;

/// <summary>The client against our own server: metadata, connections, the blocking stub, call state and rich errors.</summary>
public sealed class ClientCallTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private static Task<TestServer> StartWithProbeAsync() => TestServer.StartAsync(map: app => app.MapGrpcService<ProbeService>());

    [Fact]
    public async Task Per_call_text_and_binary_metadata_reach_the_server_handler()
    {
        await using var server = await StartWithProbeAsync();
        using var channel = server.CreateChannel();
        var client = new Probe.Probe.ProbeClient(channel);
        byte[] binary = [0, 255, 10, 13, 44, 61];
        var headers = new Metadata
        {
            { "x-text", "plain value" },
            { "X-Mixed-Case", "lowered key" },
            { "x-blob-bin", binary },
        };

        var reply = await client.InspectAsync(new ProbeRequest { Marker = "m" }, headers).ResponseAsync.WaitAsync(HangGuard);

        Assert.Equal("plain value", Assert.Single(reply.Headers, h => h.Key == "x-text").Text);
        Assert.Equal("lowered key", Assert.Single(reply.Headers, h => h.Key == "x-mixed-case").Text);
        Assert.Equal(binary, Assert.Single(reply.Headers, h => h.Key == "x-blob-bin").Bytes.ToByteArray());
        Assert.DoesNotContain(reply.Headers, h => h.Key is "content-type" or "te" or "grpc-timeout");
    }

    [Fact]
    public async Task Channel_with_three_connections_spreads_calls_over_three_tcp_connections()
    {
        await using var server = await StartWithProbeAsync();
        using var channel = server.CreateChannel(new GrpcChannelOptions { Connections = 3 });
        var client = new Probe.Probe.ProbeClient(channel);

        var peers = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            peers.Add((await client.InspectAsync(new ProbeRequest { Marker = $"{i}" }).ResponseAsync.WaitAsync(HangGuard)).Peer);
        }

        Assert.All(peers, p => Assert.StartsWith("ipv4:127.0.0.1:", p, StringComparison.Ordinal));
        Assert.Equal(3, peers.Distinct().Count());
    }

    [Fact]
    public async Task Channel_with_one_connection_reuses_it_for_every_call()
    {
        await using var server = await StartWithProbeAsync();
        using var channel = server.CreateChannel();
        var client = new Probe.Probe.ProbeClient(channel);

        var peers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            peers.Add((await client.InspectAsync(new ProbeRequest { Marker = $"{i}" }).ResponseAsync.WaitAsync(HangGuard)).Peer);
        }

        Assert.Single(peers.Distinct());
    }

    [Fact]
    public async Task Blocking_unary_call_returns_the_reply()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var reply = await Task.Run(() => client.Unary(new EchoRequest { Text = "sync" })).WaitAsync(HangGuard);

        Assert.Equal("sync", reply.Text);
    }

    [Fact]
    public async Task Blocking_unary_call_throws_the_servers_status()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Task.Run(() => client.Unary(new EchoRequest { Text = "no", FailWith = (int)StatusCode.AlreadyExists })).WaitAsync(HangGuard));

        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
        Assert.Equal("asked-to-fail", ex.Trailers.GetValue("x-reason"));
    }

    [Fact]
    public async Task Status_and_trailers_of_a_call_in_progress_are_not_readable()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.UnaryAsync(new EchoRequest { Text = "slow", DelayMs = 30_000 });

        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
    }

    [Fact]
    public async Task Disposing_a_call_in_progress_ends_it_cancelled()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var call = client.UnaryAsync(new EchoRequest { Text = "slow", DelayMs = 30_000 });
        call.Dispose();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(HangGuard));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Rich_error_status_with_bad_request_detail_round_trips()
    {
        await using var server = await StartWithProbeAsync();
        using var channel = server.CreateChannel();
        var client = new Probe.Probe.ProbeClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.FailRichAsync(new ProbeRequest { Marker = "xyz" }).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("the request is invalid", ex.Status.Detail);
        var rich = ex.GetRpcStatus();
        Assert.NotNull(rich);
        Assert.Equal((int)StatusCode.InvalidArgument, rich.Code);
        Assert.Equal("the request is invalid", rich.Message);
        var detail = Assert.Single(rich.Details);
        Assert.True(detail.Is(BadRequest.Descriptor));
        var violation = Assert.Single(detail.Unpack<BadRequest>().FieldViolations);
        Assert.Equal("marker", violation.Field);
        Assert.Equal("'xyz' is not acceptable", violation.Description);
    }

    [Fact]
    public async Task Plain_error_has_no_rich_status()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(new EchoRequest { FailWith = (int)StatusCode.NotFound }).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Null(ex.GetRpcStatus());
    }
}
