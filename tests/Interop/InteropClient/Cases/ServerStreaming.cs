using Grpc.Testing;
using MashGrpc.Core;

namespace Interop.Client.Cases;

/// <summary>server_streaming: exactly four responses of 31415, 9, 2653 and 58979 zero bytes, then OK.</summary>
internal static class ServerStreaming
{
    public static async Task RunAsync(InteropContext ctx)
    {
        int[] sizes = [31415, 9, 2653, 58979];
        var request = new StreamingOutputCallRequest { ResponseType = PayloadType.Compressable };
        request.ResponseParameters.AddRange(sizes.Select(size => new ResponseParameters { Size = size }));

        using var call = ctx.Client.StreamingOutputCall(request, deadline: InteropContext.Deadline());
        var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();
        Check.Equal(sizes.Length, responses.Count, "StreamingOutputCall: number of responses");
        for (var i = 0; i < sizes.Length; i++)
        {
            Check.ZeroPayload(responses[i].Payload, sizes[i], $"StreamingOutputCall response #{i + 1}");
        }
        Check.Ok(call.GetStatus(), "StreamingOutputCall");
    }
}
