using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using FieldViolation = Google.Rpc.BadRequest.Types.FieldViolation;

namespace Mash.Triage.Grpc;

/// <summary>What each request must carry; each returns the fields at fault (none when the request is well formed).</summary>
internal static class TriageRequestRules
{
    public static IReadOnlyList<FieldViolation> ListQueue(ListQueueRequest request) =>
        Violations(request.PageSize < 0 ? Violation("page_size", "must not be negative (0 asks for the default page)") : null);

    public static IReadOnlyList<FieldViolation> RateContact(RateContactRequest request) => Violations(
        ContactIdRequired(request.ContactId),
        request.Rag is Rag.Red or Rag.Amber or Rag.Green ? null : Violation("rag", "must be RAG_RED, RAG_AMBER or RAG_GREEN"),
        PractitionerIdRequired(request.PractitionerId));

    public static IReadOnlyList<FieldViolation> RecordDecision(RecordDecisionRequest request) => Violations(
        ContactIdRequired(request.ContactId),
        PractitionerIdRequired(request.PractitionerId));

    private static FieldViolation? ContactIdRequired(string contactId) =>
        string.IsNullOrWhiteSpace(contactId) ? Violation("contact_id", "is required") : null;

    // Who rated or decided is part of the record the board and auditors rely on.
    private static FieldViolation? PractitionerIdRequired(string practitionerId) =>
        string.IsNullOrWhiteSpace(practitionerId) ? Violation("practitioner_id", "is required: every rating and decision says who made it") : null;

    private static FieldViolation Violation(string field, string description) => new() { Field = field, Description = description };

    private static IReadOnlyList<FieldViolation> Violations(params FieldViolation?[] checks) => [.. checks.OfType<FieldViolation>()];
}
