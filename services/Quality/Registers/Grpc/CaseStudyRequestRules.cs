using Mash.Contracts.Quality.V1;
using static Google.Rpc.BadRequest.Types;
using static Mash.Quality.Registers.Grpc.RegisterFields;

namespace Mash.Quality.Registers.Grpc;

/// <summary>What AddCaseStudy must say, one rule per field; every broken rule is reported at once.</summary>
internal static class CaseStudyRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(AddCaseStudyRequest request) => All(
        RequestId(request.RequestId),
        Required("title", request.Title, Short),
        Required("narrative", request.Narrative, Long),
        Agencies("agency_ids", request.AgencyIds),
        Day("written_on", request.WrittenOn));
}
