using Mash.Contracts.Quality.V1;
using static Google.Rpc.BadRequest.Types;
using static Mash.Quality.Registers.Grpc.RegisterFields;

namespace Mash.Quality.Registers.Grpc;

/// <summary>What RecordImpact must say, one rule per field; every broken rule is reported at once.</summary>
internal static class ImpactRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(RecordImpactRequest request) => All(
        RequestId(request.RequestId),
        Day("occurred_on", request.OccurredOn),
        Required("source", request.Source, Short),
        Required("impact", request.Impact, Long),
        Optional("evidence", request.Evidence, Long));
}
