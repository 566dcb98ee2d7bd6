using Grpc.Testing;

namespace Interop.Client.Cases;

/// <summary>empty_unary: EmptyCall with the default Empty succeeds with a non-null response.</summary>
internal static class EmptyUnary
{
    public static async Task RunAsync(InteropContext ctx)
    {
        var response = await ctx.Client.EmptyCallAsync(new Empty(), deadline: InteropContext.Deadline());
        Check.True(response is not null, "EmptyCall: response is null");
        Check.Equal(0, response!.CalculateSize(), "EmptyCall: serialized response size");
    }
}
