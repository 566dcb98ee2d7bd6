using MashGrpc.Core;

namespace Interop.Client.Cases;

/// <summary>cancel_after_begin: StreamingInputCall cancelled at once, before any message, ends CANCELLED.</summary>
internal static class CancelAfterBegin
{
    public static async Task RunAsync(InteropContext ctx)
    {
        using var cancellation = new CancellationTokenSource();
        using var call = ctx.Client.StreamingInputCall(deadline: InteropContext.Deadline(), cancellationToken: cancellation.Token);
        await cancellation.CancelAsync();
        await Check.FailsWithAsync(() => call.ResponseAsync, StatusCode.Cancelled, null, "StreamingInputCall");
        Check.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode, "StreamingInputCall: GetStatus() code");
        await ctx.AssertServerStillServesAsync();
    }
}
