using Grpc.Testing;

namespace Interop.Client.Cases;

/// <summary>client_streaming: four payloads (27182, 8, 1828, 45904 bytes), half-close, aggregated size 74922.</summary>
internal static class ClientStreaming
{
    public static async Task RunAsync(InteropContext ctx)
    {
        using var call = ctx.Client.StreamingInputCall(deadline: InteropContext.Deadline());
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Check.Zeros(size) });
        }
        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        Check.Equal(74922, response.AggregatedPayloadSize, "StreamingInputCall: aggregated_payload_size");
        Check.Ok(call.GetStatus(), "StreamingInputCall");
    }
}
