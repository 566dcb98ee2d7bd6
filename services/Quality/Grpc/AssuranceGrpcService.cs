using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Assurance;
using Mash.Quality.Definitions;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Quality.Grpc;

/// <summary>
/// mash.quality.v1.AssuranceService: the partnership's indicators and their assurance, for board
/// members, MASH managers and quality leads, as the scorecard. Definitions and counts only, no
/// one's data, so a read is not audited; a call refused for its role is.
/// </summary>
internal sealed class AssuranceGrpcService(IndicatorCatalogue catalogue, AssuranceReader reader, TimeProvider time) : AssuranceService.AssuranceServiceBase
{
    [Authorize(Policy = MashPolicies.Scorecard)]
    public override Task<ListIndicatorsResponse> ListIndicators(ListIndicatorsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListIndicatorsResponse { Indicators = { catalogue.Indicators.Select(IndicatorMessages.ToMessage) } });

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<AssuranceReport> GetAssurance(GetAssuranceRequest request, ServerCallContext context) =>
        AssuranceMessages.ToReport(await AssessAsync(request, context), catalogue.TimeZone);

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<AssuranceReport> GetExceptionReport(GetAssuranceRequest request, ServerCallContext context) =>
        AssuranceMessages.ToReport(ExceptionReport.Of(await AssessAsync(request, context)), catalogue.TimeZone);

    private Task<IReadOnlyList<IndicatorAssessment>> AssessAsync(GetAssuranceRequest request, ServerCallContext context)
    {
        if (AssuranceRequestRules.Check(request) is { Count: > 0 } violations)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        return reader.AssessAsync(AssuranceRequestRules.KindOf(request), AssuranceRequestRules.AsOf(request, time), context.CancellationToken);
    }
}
