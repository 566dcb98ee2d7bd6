using Grpc.Testing;
using MashGrpc.Core;

namespace Interop.Client.Cases;

/// <summary>cancel_after_first_response: FullDuplexCall cancelled after its first response ends CANCELLED.</summary>
internal static class CancelAfterFirstResponse
{
    public static async Task RunAsync(InteropContext ctx)
    {
        using var cancellation = new CancellationTokenSource();
        using var call = ctx.Client.FullDuplexCall(deadline: InteropContext.Deadline(), cancellationToken: cancellation.Token);
        var request = new StreamingOutputCallRequest { ResponseType = PayloadType.Compressable, Payload = Check.Zeros(27182) };
        request.ResponseParameters.Add(new ResponseParameters { Size = 31415 });
        await call.RequestStream.WriteAsync(request);

        Check.True(await call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall: stream ended before the first response");
        Check.ZeroPayload(call.ResponseStream.Current.Payload, 31415, "FullDuplexCall response #1");

        await cancellation.CancelAsync();
        await Check.FailsWithAsync(() => call.ResponseStream.MoveNext(CancellationToken.None), StatusCode.Cancelled, null, "FullDuplexCall");
        Check.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode, "FullDuplexCall: GetStatus() code");
        await ctx.AssertServerStillServesAsync();
    }
}
