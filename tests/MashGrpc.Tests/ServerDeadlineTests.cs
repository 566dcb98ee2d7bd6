using System.Collections.Concurrent;
using MashGrpc.Core;
using MashGrpc.Tests.Echo;
using static MashGrpc.Tests.RawGrpcClient;

namespace MashGrpc.Tests;

/// <summary>grpc-timeout: the handler sees the deadline, its token fires, the client gets DEADLINE_EXCEEDED.</summary>
public sealed class ServerDeadlineTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Deadline_ends_a_slow_call_with_deadline_exceeded_and_cancels_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();
        await server.AssertStillServesAsync(); // warm: the handler must be running when the deadline passes

        using var call = client.UnaryAsync(new EchoRequest { DelayMs = 10_000 }, deadline: DateTime.UtcNow.AddMilliseconds(1000));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Guard));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.True(await server.Log.WaitForCancellationAsync(Guard), "The handler's token was never cancelled.");
        await server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Server_enforces_grpc_timeout_on_its_own()
    {
        // A raw client keeps no timer: the DEADLINE_EXCEEDED must come from the server.
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);
        await server.AssertStillServesAsync(raw); // warm: the handler must be running when the deadline passes

        var response = await raw.PostAsync(EchoUnary, Frame(new EchoRequest { DelayMs = 10_000 }), [("grpc-timeout", "1000m")])
            .WaitAsync(Guard);

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal((int)StatusCode.DeadlineExceeded, response.GrpcStatus);
        Assert.True(await server.Log.WaitForCancellationAsync(Guard), "The handler's token was never cancelled.");
        await server.AssertStillServesAsync(raw);
    }

    [Fact]
    public async Task Server_enforces_grpc_timeout_after_streamed_messages_in_trailers()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.PostAsync(EchoServerStream, Frame(new EchoRequest { Repeat = 1, DelayMs = 10_000 }), [("grpc-timeout", "200m")])
            .WaitAsync(Guard);

        Assert.Single(response.Messages);
        Assert.Equal(((int)StatusCode.DeadlineExceeded).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Trailers["grpc-status"]);
        Assert.True(await server.Log.WaitForCancellationAsync(Guard));
    }

    [Fact]
    public async Task Server_deadline_fires_while_waiting_for_the_request_body()
    {
        // The client-streaming call sends headers and nothing more: the deadline must still end it.
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        using var call = client.ClientStream(deadline: DateTime.UtcNow.AddMilliseconds(200));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Guard));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Context_deadline_reflects_the_grpc_timeout_header()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var before = DateTime.UtcNow;
        var response = await raw.PostAsync(EchoUnary, Frame(new EchoRequest { Text = "t" }), [("grpc-timeout", "5S")]);
        var after = DateTime.UtcNow;

        Assert.Equal(0, response.GrpcStatus);
        var deadline = Assert.Single(server.Log.Calls).Deadline;
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
        Assert.InRange(deadline, before.AddSeconds(5), after.AddSeconds(5));
    }

    [Fact]
    public async Task Context_deadline_follows_the_client_deadline()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();
        var deadline = DateTime.UtcNow.AddMinutes(10);

        var before = DateTime.UtcNow;
        await client.UnaryAsync(new EchoRequest { Text = "t" }, deadline: deadline);
        var elapsed = DateTime.UtcNow - before;

        // Same clock on both ends and the header rounds up: never earlier than the client's deadline,
        // and later by no more than the time the request took to arrive plus one unit (1 ms here).
        var seen = Assert.Single(server.Log.Calls).Deadline;
        Assert.InRange(seen, deadline, deadline + elapsed + TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Context_deadline_is_max_value_without_grpc_timeout()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        await raw.EchoAsync("no deadline");

        Assert.Equal(DateTime.MaxValue, Assert.Single(server.Log.Calls).Deadline);
    }

    [Fact]
    public async Task Very_distant_deadline_still_reaches_the_server()
    {
        // A thousand years ahead: the grpc-timeout header must still be valid (not overflowed).
        await using var server = await TestServer.StartAsync();
        var client = server.CreateClient();

        var reply = await client.UnaryAsync(new EchoRequest { Text = "far" }, deadline: DateTime.UtcNow.AddYears(1000));

        Assert.Equal("far", reply.Text);
        var seen = Assert.Single(server.Log.Calls).Deadline;
        Assert.NotEqual(DateTime.MaxValue, seen);
        Assert.InRange(seen, DateTime.UtcNow.AddYears(999), DateTime.UtcNow.AddYears(1001));
    }
    [Fact]
    public async Task Deadlines_racing_the_end_of_calls_leave_no_unobserved_server_exceptions()
    {
        // Timeouts of 1-4 ms against handlers of 0-2 ms: the deadline often fires as the call ends.
        var unobserved = new ConcurrentQueue<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, e) =>
        {
            if (e.Exception.ToString().Contains("MashGrpc.Server", StringComparison.Ordinal))
            {
                unobserved.Enqueue(e.Exception);
            }
        };
        TaskScheduler.UnobservedTaskException += onUnobserved;
        try
        {
            await using var server = await TestServer.StartAsync();
            using var raw = new RawGrpcClient(server.Address);
            for (var batch = 0; batch < 30; batch++)
            {
                var calls = Enumerable.Range(0, 100).Select(i => raw.PostAsync(
                    EchoUnary,
                    Frame(new EchoRequest { DelayMs = i % 3 }),
                    [("grpc-timeout", $"{(i % 4) + 1}m")]));
                var responses = await Task.WhenAll(calls);
                Assert.All(responses, r => Assert.True(r.GrpcStatus is 0 or (int)StatusCode.DeadlineExceeded, r.ToString()));
            }
            await server.AssertStillServesAsync(raw);
        }
        finally
        {
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.Delay(50);
            }
            TaskScheduler.UnobservedTaskException -= onUnobserved;
        }
        Assert.True(unobserved.IsEmpty, string.Join(Environment.NewLine, unobserved));
    }
}
