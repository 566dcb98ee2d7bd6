using Grpc.Testing;
using MashGrpc.Core;

namespace Interop.Client.Cases;

/// <summary>special_status_message: whitespace, BMP and non-BMP characters survive the grpc-message round trip.</summary>
internal static class SpecialStatusMessage
{
    private const string Message = "\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \U0001F608\t\n";

    public static async Task RunAsync(InteropContext ctx)
    {
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = Message } };
        await Check.FailsWithAsync(
            async () => await ctx.Client.UnaryCallAsync(request, deadline: InteropContext.Deadline()),
            StatusCode.Unknown, Message, "UnaryCall");
    }
}
