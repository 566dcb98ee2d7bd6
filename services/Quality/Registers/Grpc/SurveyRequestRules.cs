using Mash.Contracts.Quality.V1;
using static Google.Rpc.BadRequest.Types;
using static Mash.Quality.Registers.Grpc.RegisterFields;

namespace Mash.Quality.Registers.Grpc;

/// <summary>What RecordSurveyResponse must say, one rule per field; every broken rule is reported at once.</summary>
internal static class SurveyRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(RecordSurveyResponseRequest request, RegisterVocabulary vocabulary) => All(
        RequestId(request.RequestId),
        Required("survey", request.Survey, Short),
        Agency("agency_id", request.AgencyId),
        Day("responded_on", request.RespondedOn),
        Code("satisfaction", request.Satisfaction, vocabulary.SatisfactionScale),
        Optional("comment", request.Comment, Long));
}
