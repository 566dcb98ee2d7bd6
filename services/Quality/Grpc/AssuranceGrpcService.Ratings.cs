using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Assurance;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using FieldViolation = Google.Rpc.BadRequest.Types.FieldViolation;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Mash.Quality.Grpc;

/// <summary>
/// Calderdale's human step: lead officers (quality leads) propose a rating, the performance
/// sub-group (managers and board members) agrees it, each as the caller; the history, which names
/// them, is an audited read; the watch list.
/// </summary>
internal sealed partial class AssuranceGrpcService
{
    [Authorize(Policy = MashPolicies.LeadOfficers)]
    public override Task<RatingDecision> ProposeRating(ProposeRatingRequest request, ServerCallContext context) =>
        RecordAsync(RatingRequestRules.Check(request, catalogue), request.RequestId, request.Reference, request.AsOf, request.Period,
            RatingStage.Proposed, request.Rating, request.Narrative, "", context);

    [Authorize(Policy = MashPolicies.Board)]
    public override Task<RatingDecision> AgreeRating(AgreeRatingRequest request, ServerCallContext context) =>
        RecordAsync(RatingRequestRules.Check(request, catalogue), request.RequestId, request.Reference, request.AsOf, request.Period,
            RatingStage.Agreed, request.Rating, request.Narrative, request.Minute, context);

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<RatingHistory> GetRatingHistory(GetRatingHistoryRequest request, ServerCallContext context)
    {
        if (RatingRequestRules.Check(request, catalogue) is { Count: > 0 } violations)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        var period = PeriodOf(request.Reference, request.AsOf, request.Period);
        await audit.RecordAsync(context, $"{request.Reference} {period.Label}", AuditOutcome.Allowed);
        var history = await ratingReader.HistoryAsync(request.Reference, period, context.CancellationToken);
        return new RatingHistory { Decisions = { history.Select(r => RatingMessages.ToMessage(r, withWho: true)) } };
    }

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<ListWatchesResponse> ListWatches(ListWatchesRequest request, ServerCallContext context) =>
        new() { Watches = { (await watches.ReadAsync(context.CancellationToken)).Select(RatingMessages.ToMessage) } };

    private async Task<RatingDecision> RecordAsync(
        IReadOnlyList<FieldViolation> violations, string requestId, string reference, Timestamp? asOf, ReportingPeriodKind kind,
        RatingStage stage, string rating, string narrative, string minute, ServerCallContext context)
    {
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        var rated = new NewRating(Guid.Parse(requestId), reference, PeriodOf(reference, asOf, kind), stage, RatingWords.Ratings[rating], narrative, minute, context.GetCaller());
        return await ratings.RecordAsync(rated, context.CancellationToken) switch
        {
            RecordRatingResult.Recorded recorded => RatingMessages.ToMessage(recorded.Rating, withWho: true),
            RecordRatingResult.Refused refused => throw RpcErrors.FailedPrecondition(refused.Reason),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    private Periods.ReportingPeriod PeriodOf(string reference, Timestamp? asOf, ReportingPeriodKind kind) =>
        IndicatorPeriods.Of(catalogue, catalogue.Indicators.Single(i => i.Reference == reference),
            AssuranceRequestRules.KindOf(kind), AssuranceRequestRules.AsOf(asOf, time));
}
