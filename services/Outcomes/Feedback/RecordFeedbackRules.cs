using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Agencies;
using Mash.ServiceDefaults;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Outcomes.Feedback;

/// <summary>What a RecordFeedback request must say, one rule per field; every broken rule is reported at once. Who told is the caller's credentials.</summary>
internal static class RecordFeedbackRules
{
    public static IReadOnlyList<FieldViolation> Check(RecordFeedbackRequest request) =>
        [.. new[] { ContactIds.Violation(request.ContactId), AgencyIsNamed(request) }.OfType<FieldViolation>()];

    public static FieldViolation? AgencyIsNamed(RecordFeedbackRequest request) =>
        AgencyIds.Violation("agency_id", request.AgencyId);
}
