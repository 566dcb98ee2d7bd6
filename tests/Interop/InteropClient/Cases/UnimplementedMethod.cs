using Grpc.Testing;
using MashGrpc.Core;

namespace Interop.Client.Cases;

/// <summary>unimplemented_method: grpc.testing.TestService/UnimplementedCall fails with UNIMPLEMENTED.</summary>
internal static class UnimplementedMethod
{
    public static async Task RunAsync(InteropContext ctx) =>
        await Check.FailsWithAsync(
            async () => await ctx.Client.UnimplementedCallAsync(new Empty(), deadline: InteropContext.Deadline()),
            StatusCode.Unimplemented, null, "TestService/UnimplementedCall");
}
