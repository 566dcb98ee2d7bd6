namespace Interop.Client.Cases;

/// <summary>empty_stream: FullDuplexCall, half-close at once, zero responses and OK.</summary>
internal static class EmptyStream
{
    public static async Task RunAsync(InteropContext ctx)
    {
        using var call = ctx.Client.FullDuplexCall(deadline: InteropContext.Deadline());
        await call.RequestStream.CompleteAsync();
        Check.True(!await call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall: expected zero responses, got one");
        Check.Ok(call.GetStatus(), "FullDuplexCall");
    }
}
