using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Google.Rpc;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Outcomes.Recording;

/// <summary>What a RecordOutcome request must say, one rule per field; every broken rule is reported at once.</summary>
internal static class RecordOutcomeRules
{
    public static IReadOnlyList<FieldViolation> Check(RecordOutcomeRequest request, Vocabulary vocabulary) =>
        [.. new[]
        {
            ContactIdIsRequired(request),
            OutcomeIsAConfiguredCode(request, vocabulary),
            PractitionerIdIsRequired(request),
        }.OfType<FieldViolation>()];

    public static FieldViolation? ContactIdIsRequired(RecordOutcomeRequest request) =>
        string.IsNullOrWhiteSpace(request.ContactId) ? Violation("contact_id", "The contact id is required.") : null;

    public static FieldViolation? OutcomeIsAConfiguredCode(RecordOutcomeRequest request, Vocabulary vocabulary) =>
        string.IsNullOrWhiteSpace(request.Outcome) ? Violation("outcome", "The outcome is required.")
        : !vocabulary.Outcomes.HasCode(request.Outcome) ? Violation("outcome", $"'{request.Outcome}' is not a configured outcome code.")
        : null;

    public static FieldViolation? PractitionerIdIsRequired(RecordOutcomeRequest request) =>
        string.IsNullOrWhiteSpace(request.PractitionerId) ? Violation("practitioner_id", "The practitioner who records the outcome is required.") : null;

    private static FieldViolation Violation(string field, string description) => new() { Field = field, Description = description };
}
