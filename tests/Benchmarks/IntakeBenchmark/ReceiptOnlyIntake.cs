using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Intake.V1;
using Grpc.Core;

namespace IntakeBenchmark;

/// <summary>grpc-dotnet's ceiling: parses each submission and answers with a receipt of the same shape Intake's has; stores nothing.</summary>
internal sealed class ReceiptOnlyIntake : IntakeService.IntakeServiceBase
{
    /// <summary>Results are flushed a batch at a time, as Intake's leave under a bulk import.</summary>
    public const int ResultsPerFlush = 64;

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    public override Task<SubmitContactResponse> SubmitContact(SubmitContactRequest request, ServerCallContext context) =>
        Task.FromResult(Receipt());

    /// <summary>Each item answered in order as it is read.</summary>
    public override async Task SubmitContacts(IAsyncStreamReader<SubmitContactRequest> requestStream, IServerStreamWriter<SubmitContactResult> responseStream, ServerCallContext context)
    {
        for (var answered = 1; await requestStream.MoveNext(context.CancellationToken); answered++)
        {
            responseStream.WriteOptions = answered % ResultsPerFlush == 0 ? null : Buffered;
            await responseStream.WriteAsync(Result(requestStream.Current));
        }
    }

    /// <summary>Each batch answered as it is read, a result per contact.</summary>
    public override async Task SubmitContactBatches(IAsyncStreamReader<SubmitContactBatch> requestStream, IServerStreamWriter<SubmitContactBatchResult> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            await responseStream.WriteAsync(new SubmitContactBatchResult { Results = { requestStream.Current.Contacts.Select(Result) } });
        }
    }

    public static SubmitContactResult Result(SubmitContactRequest request) => new() { RequestId = request.RequestId, Accepted = Receipt() };

    public static SubmitContactResponse Receipt() => new()
    {
        ContactId = Guid.CreateVersion7().ToString(),
        ReceivedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        Status = ContactStatus.Received,
    };
}
