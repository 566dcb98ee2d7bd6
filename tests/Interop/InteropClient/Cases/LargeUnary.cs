using Grpc.Testing;

namespace Interop.Client.Cases;

/// <summary>large_unary: 271828 zero bytes up, 314159 zero bytes back.</summary>
internal static class LargeUnary
{
    public static async Task RunAsync(InteropContext ctx)
    {
        var response = await ctx.Client.UnaryCallAsync(Request(), deadline: InteropContext.Deadline());
        Check.ZeroPayload(response.Payload, 314159, "UnaryCall");
    }

    /// <summary>The large_unary request, also used by custom_metadata.</summary>
    public static SimpleRequest Request() => new()
    {
        ResponseType = PayloadType.Compressable,
        ResponseSize = 314159,
        Payload = Check.Zeros(271828),
    };
}
