using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Agencies;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Outcomes.Consulting;

/// <summary>What a RecordConsultation request must say, one rule per field; every broken rule is reported at once.</summary>
internal static class RecordConsultationRules
{
    public static IReadOnlyList<FieldViolation> Check(RecordConsultationRequest request, Vocabulary vocabulary) =>
        [.. new[] { AgencyIsNamed(request), KindIsAConfiguredCode(request, vocabulary), RequestIdIsAUuid(request) }.OfType<FieldViolation>()];

    /// <summary>Optional; when given, a UUID, so retries of one call cannot collide with another's.</summary>
    public static FieldViolation? RequestIdIsAUuid(RecordConsultationRequest request) =>
        request.RequestId.Length == 0 || Guid.TryParse(request.RequestId, out _) ? null
        : new() { Field = "request_id", Description = "A request id is a UUID." };

    public static FieldViolation? AgencyIsNamed(RecordConsultationRequest request) =>
        AgencyIds.Violation("agency_id", request.AgencyId);

    public static FieldViolation? KindIsAConfiguredCode(RecordConsultationRequest request, Vocabulary vocabulary) =>
        vocabulary.ConsultationKinds.HasCode(request.Kind) ? null
        : new() { Field = "kind", Description = $"'{request.Kind}' is not a configured consultation kind." };
}
