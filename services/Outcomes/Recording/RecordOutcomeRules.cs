using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.ServiceDefaults;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Outcomes.Recording;

/// <summary>
/// What a RecordOutcome request must say, one rule per field; every broken rule is reported at once.
/// Who records it is not the request's to say: the credentials name the practitioner.
/// </summary>
internal static class RecordOutcomeRules
{
    public static IReadOnlyList<FieldViolation> Check(RecordOutcomeRequest request, Vocabulary vocabulary) =>
        [.. new[]
        {
            ContactIdIsWellFormed(request),
            OutcomeIsAConfiguredCode(request, vocabulary),
        }.OfType<FieldViolation>()];

    public static FieldViolation? ContactIdIsWellFormed(RecordOutcomeRequest request) => ContactIds.Violation(request.ContactId);

    public static FieldViolation? OutcomeIsAConfiguredCode(RecordOutcomeRequest request, Vocabulary vocabulary) =>
        OutcomeCodes.Violation(request.Outcome, vocabulary);
}
