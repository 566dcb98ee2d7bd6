using Mash.ServiceDefaults;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Queue;
using Grpc.Core;
using Google.Rpc;
using Microsoft.Extensions.Options;

namespace Mash.Triage.Grpc;

/// <summary>mash.triage.v1.TriageService: the practitioners' screening queue.</summary>
internal sealed class TriageGrpcService(Screening screening, IOptions<QueueOptions> queueOptions) : TriageService.TriageServiceBase
{
    public override async Task<ListQueueResponse> ListQueue(ListQueueRequest request, ServerCallContext context)
    {
        ThrowIfInvalid(TriageRequestRules.ListQueue(request));
        var entries = await screening.ListQueueAsync(QueuePaging.PageSize(request.PageSize, queueOptions.Value), context.CancellationToken);
        return new ListQueueResponse { Items = { entries.Select(QueueItems.ToQueueItem) } };
    }

    public override async Task<QueueItem> RateContact(RateContactRequest request, ServerCallContext context)
    {
        ThrowIfInvalid(TriageRequestRules.RateContact(request));
        return Answer(await screening.RateAsync(request, context.CancellationToken));
    }

    public override async Task<QueueItem> RecordDecision(RecordDecisionRequest request, ServerCallContext context)
    {
        ThrowIfInvalid(TriageRequestRules.RecordDecision(request));
        return Answer(await screening.DecideAsync(request, context.CancellationToken));
    }

    private static void ThrowIfInvalid(IReadOnlyList<Google.Rpc.BadRequest.Types.FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
    }

    private static QueueItem Answer(ScreeningResult result) => result switch
    {
        ScreeningResult.Done done => QueueItems.ToQueueItem(done.Entry),
        ScreeningResult.UnknownContact unknown => throw RpcErrors.NotFound($"No contact {unknown.ContactId} in the triage queue."),
        ScreeningResult.WrongState wrong => throw RpcErrors.FailedPrecondition(wrong.Reason),
        _ => throw new InvalidOperationException($"Unexpected screening result {result}."),
    };
}
