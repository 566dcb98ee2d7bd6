using Mash.ServiceDefaults;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using Grpc.Core;
using Google.Rpc;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Quality.Grpc;

/// <summary>
/// mash.quality.v1.QualityService: the board's scorecard, for board members, MASH managers and quality
/// leads. Counts only, no one's data, so a read is not audited; a call refused for its role is.
/// </summary>
internal sealed class QualityGrpcService(FactReader facts) : QualityService.QualityServiceBase
{
    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<Scorecard> GetScorecard(GetScorecardRequest request, ServerCallContext context)
    {
        if (ScorecardRequestRules.Check(request) is { Count: > 0 } violations)
        {
            // Every field at fault in the BadRequest; the first in the message.
            throw RpcErrors.InvalidArgument(RpcErrors.Describe(violations.Take(1)), violations);
        }
        var period = ScorecardRequestRules.PeriodOf(request);
        return Scorecards.Compute(await facts.ReadAsync(period, context.CancellationToken));
    }
}
