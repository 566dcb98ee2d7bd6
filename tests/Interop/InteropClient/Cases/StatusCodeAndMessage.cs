using Grpc.Testing;
using MashGrpc.Core;

namespace Interop.Client.Cases;

/// <summary>status_code_and_message: the server echoes code 2 and "test status message" on UnaryCall and FullDuplexCall.</summary>
internal static class StatusCodeAndMessage
{
    private const string Message = "test status message";

    public static async Task RunAsync(InteropContext ctx)
    {
        var echo = new EchoStatus { Code = 2, Message = Message };

        await Check.FailsWithAsync(
            async () => await ctx.Client.UnaryCallAsync(new SimpleRequest { ResponseStatus = echo }, deadline: InteropContext.Deadline()),
            StatusCode.Unknown, Message, "UnaryCall");

        using var call = ctx.Client.FullDuplexCall(deadline: InteropContext.Deadline());
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = echo });
        await call.RequestStream.CompleteAsync();
        await Check.FailsWithAsync(() => call.ResponseStream.MoveNext(CancellationToken.None), StatusCode.Unknown, Message, "FullDuplexCall");
        Check.Equal(StatusCode.Unknown, call.GetStatus().StatusCode, "FullDuplexCall: GetStatus() code");
        Check.Equal(Message, call.GetStatus().Detail, "FullDuplexCall: GetStatus() message");
    }
}
