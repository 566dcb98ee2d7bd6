using MashGrpc.Core;
using MashGrpc.Tests.Echo;

namespace MashGrpc.Tests;

/// <summary>Many concurrent calls, a lot of them abandoned midway: every call ends right and the server keeps serving.</summary>
public sealed class ServerFloodTests
{
    private enum Fate { Completes, Cancelled, DeadlineExceeded }

    [Fact]
    public async Task Five_hundred_concurrent_calls_with_cancellations_and_deadlines_all_end_correctly()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        var client = new Echo.Echo.EchoClient(channel);
        var random = new Random(42);

        var calls = Enumerable.Range(0, 500).Select(i =>
        {
            // Half cancelled by token, one in ten with a tiny deadline, the rest complete.
            var fate = i % 2 == 0 ? Fate.Cancelled : i % 10 == 1 ? Fate.DeadlineExceeded : Fate.Completes;
            var delay = fate == Fate.Completes ? random.Next(10, 300) : 60_000; // abandoned calls could never finish on their own
            var cancelAfter = random.Next(20, 300);
            var deadlineMs = random.Next(1, 50);
            return RunAsync(i, fate, delay, cancelAfter, deadlineMs);
        }).ToList();

        var outcomes = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.All(outcomes, o => Assert.True(o.Expected == o.Actual, $"Call {o.Index}: expected {o.Expected}, got {o.Actual} ({o.Detail})"));
        Assert.Equal(250, outcomes.Count(o => o.Actual == StatusCode.Cancelled));
        Assert.Equal(50, outcomes.Count(o => o.Actual == StatusCode.DeadlineExceeded));
        Assert.Equal(200, outcomes.Count(o => o.Actual == StatusCode.OK));

        // Fresh calls, on the same channel and on a new one, still work.
        Assert.Equal("after the flood", (await client.UnaryAsync(new EchoRequest { Text = "after the flood" })).Text);
        await server.AssertStillServesAsync();

        async Task<(int Index, StatusCode Expected, StatusCode Actual, string Detail)> RunAsync(int index, Fate fate, int delayMs, int cancelAfterMs, int deadlineMs)
        {
            await Task.Yield();
            using var cts = new CancellationTokenSource();
            DateTime? deadline = fate == Fate.DeadlineExceeded ? DateTime.UtcNow.AddMilliseconds(deadlineMs) : null;
            var expected = fate switch { Fate.Cancelled => StatusCode.Cancelled, Fate.DeadlineExceeded => StatusCode.DeadlineExceeded, _ => StatusCode.OK };
            try
            {
                using var call = client.UnaryAsync(new EchoRequest { Text = $"call {index}", DelayMs = delayMs }, deadline: deadline, cancellationToken: cts.Token);
                if (fate == Fate.Cancelled)
                {
                    cts.CancelAfter(cancelAfterMs);
                }
                var reply = await call.ResponseAsync;
                return (index, expected, reply.Text == $"call {index}" ? StatusCode.OK : StatusCode.DataLoss, reply.Text);
            }
            catch (RpcException ex)
            {
                return (index, expected, ex.StatusCode, ex.Status.Detail);
            }
        }
    }
}
