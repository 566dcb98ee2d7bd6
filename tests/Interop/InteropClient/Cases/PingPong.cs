using Grpc.Testing;

namespace Interop.Client.Cases;

/// <summary>ping_pong: four request/response rounds on one FullDuplexCall, then half-close and OK.</summary>
internal static class PingPong
{
    public static async Task RunAsync(InteropContext ctx)
    {
        int[] requestSizes = [27182, 8, 1828, 45904];
        int[] responseSizes = [31415, 9, 2653, 58979];

        using var call = ctx.Client.FullDuplexCall(deadline: InteropContext.Deadline());
        for (var i = 0; i < requestSizes.Length; i++)
        {
            var request = new StreamingOutputCallRequest { ResponseType = PayloadType.Compressable, Payload = Check.Zeros(requestSizes[i]) };
            request.ResponseParameters.Add(new ResponseParameters { Size = responseSizes[i] });
            await call.RequestStream.WriteAsync(request);

            Check.True(await call.ResponseStream.MoveNext(CancellationToken.None), $"FullDuplexCall: stream ended before response #{i + 1}");
            Check.ZeroPayload(call.ResponseStream.Current.Payload, responseSizes[i], $"FullDuplexCall response #{i + 1}");
        }
        await call.RequestStream.CompleteAsync();
        Check.True(!await call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall: more than four responses");
        Check.Ok(call.GetStatus(), "FullDuplexCall");
    }
}
