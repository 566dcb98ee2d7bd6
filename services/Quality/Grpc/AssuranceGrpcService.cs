using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Assurance;
using Mash.Quality.Definitions;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Quality.Grpc;

/// <summary>
/// mash.quality.v1.AssuranceService: the partnership's indicators and their assurance, for board
/// members, MASH managers and quality leads, as the scorecard. Definitions, counts and ratings
/// without who gave them, so those reads are not audited; a call refused for its role is.
/// </summary>
internal sealed partial class AssuranceGrpcService(
    IndicatorCatalogue catalogue,
    AssuranceReader reader,
    TimeProvider time,
    ChangeWatch watch,
    IHostApplicationLifetime lifetime,
    RatingStore ratings,
    RatingReader ratingReader,
    WatchListReader watches,
    AuditLog audit) : AssuranceService.AssuranceServiceBase
{
    [Authorize(Policy = MashPolicies.Scorecard)]
    public override Task<ListIndicatorsResponse> ListIndicators(ListIndicatorsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListIndicatorsResponse { Indicators = { catalogue.Indicators.Select(IndicatorMessages.ToMessage) } });

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<AssuranceReport> GetAssurance(GetAssuranceRequest request, ServerCallContext context) =>
        await ReportAsync(await AssessAsync(request, context), context.CancellationToken);

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<AssuranceReport> GetExceptionReport(GetAssuranceRequest request, ServerCallContext context) =>
        await ReportAsync(ExceptionReport.Of(await AssessAsync(request, context)), context.CancellationToken);

    // The computed judgement beside the lead officer's proposed and the sub-group's agreed ratings.
    private async Task<AssuranceReport> ReportAsync(IReadOnlyList<IndicatorAssessment> assessments, CancellationToken cancellationToken) =>
        AssuranceMessages.ToReport(assessments, catalogue.TimeZone, await ratingReader.InForceAsync(assessments, cancellationToken));

    /// <summary>
    /// The assurance, then each change of it, until the client cancels (a clean end) or this replica
    /// stops (UNAVAILABLE: watch again, on any replica).
    /// </summary>
    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task WatchAssurance(GetAssuranceRequest request, IServerStreamWriter<AssuranceReport> responseStream, ServerCallContext context)
    {
        Check(request);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var report in watch.WatchAsync(async cancellationToken => await ReportAsync(
                await reader.AssessAsync(AssuranceRequestRules.KindOf(request), AssuranceRequestRules.AsOf(request, time), cancellationToken), cancellationToken), ending.Token))
            {
                await responseStream.WriteAsync(report, ending.Token);
            }
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            // The client or the replica ended it: which, below.
        }
        if (!context.CancellationToken.IsCancellationRequested)
        {
            throw RpcErrors.Unavailable("This Quality replica is stopping; watch again.");
        }
    }

    private Task<IReadOnlyList<IndicatorAssessment>> AssessAsync(GetAssuranceRequest request, ServerCallContext context)
    {
        Check(request);
        return reader.AssessAsync(AssuranceRequestRules.KindOf(request), AssuranceRequestRules.AsOf(request, time), context.CancellationToken);
    }

    private static void Check(GetAssuranceRequest request)
    {
        if (AssuranceRequestRules.Check(request) is { Count: > 0 } violations)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
    }
}
