using MashGrpc.Core;

namespace Interop.Server;

/// <summary>
/// Echo Metadata: <c>x-grpc-test-echo-initial</c> comes back in the response headers and
/// <c>x-grpc-test-echo-trailing-bin</c> in the trailers (also when the call fails).
/// </summary>
internal static class EchoMetadata
{
    public const string InitialKey = "x-grpc-test-echo-initial";
    public const string TrailingKey = "x-grpc-test-echo-trailing-bin";

    /// <summary>Sends the response headers now when there is anything to send in them.</summary>
    public static async Task ApplyAsync(ServerCallContext context, Metadata? extraHeaders = null)
    {
        foreach (var entry in context.RequestHeaders.GetAll(TrailingKey))
        {
            context.ResponseTrailers.Add(entry);
        }
        var headers = extraHeaders ?? [];
        foreach (var entry in context.RequestHeaders.GetAll(InitialKey))
        {
            headers.Add(entry);
        }
        if (headers.Count > 0)
        {
            await context.WriteResponseHeadersAsync(headers);
        }
    }
}
