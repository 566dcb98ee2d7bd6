using Grpc.Testing;
using MashGrpc.Core;

namespace Interop.Client.Cases;

/// <summary>unimplemented_service: grpc.testing.UnimplementedService/UnimplementedCall fails with UNIMPLEMENTED.</summary>
internal static class UnimplementedService
{
    public static async Task RunAsync(InteropContext ctx) =>
        await Check.FailsWithAsync(
            async () => await ctx.UnimplementedClient.UnimplementedCallAsync(new Empty(), deadline: InteropContext.Deadline()),
            StatusCode.Unimplemented, null, "UnimplementedService/UnimplementedCall");
}
