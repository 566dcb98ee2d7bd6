using Grpc.Testing;
using MashGrpc.Core;

namespace Interop.Client.Cases;

/// <summary>timeout_on_sleeping_server: a FullDuplexCall with a 1 ms deadline ends DEADLINE_EXCEEDED.</summary>
internal static class TimeoutOnSleepingServer
{
    public static async Task RunAsync(InteropContext ctx)
    {
        // Warm up the duplex path on the context's channel, then call on a fresh one: the 1 ms deadline then
        // expires while the call is under way (connecting, sending), not while a cold process is still building it.
        using (var warmUp = ctx.Client.FullDuplexCall(deadline: InteropContext.Deadline()))
        {
            await warmUp.RequestStream.CompleteAsync();
            Check.True(!await warmUp.ResponseStream.MoveNext(CancellationToken.None), "warm-up FullDuplexCall: unexpected response");
            Check.Ok(warmUp.GetStatus(), "warm-up FullDuplexCall");
        }
        using var channel = ctx.NewChannel();
        var client = new TestService.TestServiceClient(channel);

        using var call = client.FullDuplexCall(deadline: DateTime.UtcNow.AddMilliseconds(1));
        try
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Check.Zeros(27182) });
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)
        {
            // The deadline may pass before the write: that is the expected outcome, seen early.
        }
        await Check.FailsWithAsync(() => call.ResponseStream.MoveNext(CancellationToken.None), StatusCode.DeadlineExceeded, null, "FullDuplexCall");
        Check.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode, "FullDuplexCall: GetStatus() code");
        await ctx.AssertServerStillServesAsync();
    }
}
