using GrpcBenchmark;
using Mash.Contracts.Intake.V1;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace IntakeBenchmark;

/// <summary>
/// The bare ceiling's server and unary client for Intake's two submission methods: Kestrel and
/// HttpClient with the gRPC framing done by hand, on the same paths grpc-dotnet serves.
/// </summary>
internal static class BareIntake
{
    public static readonly string SubmitContactPath = $"/{IntakeService.Descriptor.FullName}/SubmitContact";
    public static readonly string SubmitContactsPath = $"/{IntakeService.Descriptor.FullName}/SubmitContacts";

    /// <summary>The unary call as the bare client makes it, with the same bearer token as the typed client.</summary>
    public static BareUnaryTarget<SubmitContactRequest, SubmitContactResponse> SubmitContactTarget(string name, Uri address, int connections, ContactSource contacts) =>
        new(name, address, SubmitContactPath, connections,
            _ => contacts.Next(),
            SubmitContactResponse.Parser,
            (_, request, response) => SubmitTarget.Check(request, response),
            ("authorization", SubmitTarget.Authorization));

    /// <summary>
    /// Each framed item answered in order as it is read, results flushed 64 at a time as
    /// <see cref="ReceiptOnlyIntake"/> flushes them, then the grpc-status: 0 trailer.
    /// </summary>
    public static async Task SubmitContactsAsync(HttpContext context)
    {
        var response = context.Response;
        if (context.Request.ContentType is not { } contentType || !contentType.StartsWith("application/grpc", StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        // As Grpc.AspNetCore does for a streaming call: an import is far over the 30 MB body limit,
        // and may pause longer than the minimum data rate allows.
        context.Features.GetRequiredFeature<IHttpMaxRequestBodySizeFeature>().MaxRequestBodySize = null;
        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }
        response.ContentType = "application/grpc";
        var reader = context.Request.BodyReader;
        var writer = response.BodyWriter;
        var answered = 0;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted);
            var buffer = result.Buffer;
            while (GrpcFrame.TryRead(ref buffer, SubmitContactRequest.Parser, out var item))
            {
                GrpcFrame.Write(writer, ReceiptOnlyIntake.Result(item));
                if (++answered % ReceiptOnlyIntake.ResultsPerFlush == 0)
                {
                    await writer.FlushAsync(context.RequestAborted);
                }
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty)
                {
                    throw new InvalidDataException("The request stream ended inside a frame.");
                }
                break;
            }
        }
        response.AppendTrailer("grpc-status", "0");
    }
}
