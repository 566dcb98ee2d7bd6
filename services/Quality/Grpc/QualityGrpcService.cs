using Mash.ServiceDefaults;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using Grpc.Core;
using Google.Rpc;

namespace Mash.Quality.Grpc;

/// <summary>mash.quality.v1.QualityService: the board's scorecard.</summary>
internal sealed class QualityGrpcService(FactReader facts) : QualityService.QualityServiceBase
{
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
