using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Queue;
using FieldViolation = Google.Rpc.BadRequest.Types.FieldViolation;

namespace Mash.Triage.Grpc;

/// <summary>What each request must carry; each returns the fields at fault (none when the request is well formed).</summary>
internal static class TriageRequestRules
{
    /// <summary>
    /// Contact types are checked against the partnership's vocabulary when it defines any (a filter
    /// naming a type that does not exist is a mistake, not an empty queue).
    /// </summary>
    public static IReadOnlyList<FieldViolation> ListQueue(ListQueueRequest request, QueueOptions options, Vocabulary vocabulary) => Violations(
        PageSizes.Violation(request.PageSize, options.DefaultPageSize, options.MaxPageSize),
        request.Rags.Any(r => !System.Enum.IsDefined(r)) ? Violation("rags", "must be RAG_* values (RAG_UNSPECIFIED selects unrated contacts)") : null,
        request.Pathways.Any(p => p == Pathway.Unspecified || !System.Enum.IsDefined(p)) ? Violation("pathways", "must be PATHWAY_CHILDREN or PATHWAY_ADULTS") : null,
        ContactTypesKnown(request.ContactTypes, vocabulary),
        NotNegative("min_age", request.MinAge),
        NotNegative("max_age", request.MaxAge),
        request.MinAge is { } min && request.MaxAge is { } max && min.ToTimeSpan() > max.ToTimeSpan() ? Violation("max_age", "must not be less than min_age") : null);

    public static IReadOnlyList<FieldViolation> ContactOnly(string contactId) => Violations(ContactIdRequired(contactId));

    public static IReadOnlyList<FieldViolation> RateContact(RateContactRequest request) => Violations(
        ContactIdRequired(request.ContactId),
        request.Rag is Rag.Red or Rag.Amber or Rag.Green ? null : Violation("rag", "must be RAG_RED, RAG_AMBER or RAG_GREEN"));

    public static IReadOnlyList<FieldViolation> RecordDecision(RecordDecisionRequest request) => Violations(
        ContactIdRequired(request.ContactId),
        Required("rationale", request.Rationale, "every threshold decision says why"));

    /// <summary>Only one of the partnership's agencies can be asked: no other could ever answer (it has no credentials).</summary>
    public static IReadOnlyList<FieldViolation> RequestInformation(RequestInformationRequest request, AgencyCredentials agencies) => Violations(
        ContactIdRequired(request.ContactId),
        Required("agency_id", request.AgencyId, "which partner agency is asked")
            ?? (agencies.HasAgency(request.AgencyId) ? null : Violation("agency_id", $"'{request.AgencyId}' is not one of the partnership's agencies")),
        Required("question", request.Question, "what the MASH needs to know"));

    public static IReadOnlyList<FieldViolation> AnswerInformationRequest(AnswerInformationRequestRequest request) => Violations(
        Guid.TryParse(request.RequestId, out _) ? null : Violation("request_id", "must be the request_id of an information request"),
        Required("answer", request.Answer, "the information the agency shares"));

    public static IReadOnlyList<FieldViolation> RaiseEscalation(RaiseEscalationRequest request) => Violations(
        ContactIdRequired(request.ContactId),
        request.Kind is EscalationKind.BetweenAgencies or EscalationKind.ReferrerChallenge ? null : Violation("kind", "must be ESCALATION_KIND_BETWEEN_AGENCIES or ESCALATION_KIND_REFERRER_CHALLENGE"),
        Required("raised_by_agency", request.RaisedByAgency, "which agency disagrees"),
        Required("about", request.About, "what the escalation is about"),
        Required("detail", request.Detail, "what the disagreement is"));

    public static IReadOnlyList<FieldViolation> ResolveEscalation(ResolveEscalationRequest request) => Violations(
        Guid.TryParse(request.EscalationId, out _) ? null : Violation("escalation_id", "must be the escalation_id of an escalation"),
        Required("resolution", request.Resolution, "how it was resolved"));

    public static IReadOnlyList<FieldViolation> Window(CountWindow? window) => window switch
    {
        null => [Violation("window", "is required: from, to and the period to count by")],
        _ => Violations(
            window.From is null ? Violation("window.from", "is required") : null,
            window.To is null ? Violation("window.to", "is required") : null,
            window.From is { } from && window.To is { } to && to.ToDateTimeOffset() <= from.ToDateTimeOffset() ? Violation("window.to", "must be after window.from") : null,
            System.Enum.IsDefined(window.Period) ? null : Violation("window.period", "must be a PERIOD_* value")),
    };

    private static FieldViolation? ContactIdRequired(string contactId) => ContactIds.Violation(contactId);

    private static FieldViolation? ContactTypesKnown(IEnumerable<string> contactTypes, Vocabulary vocabulary) =>
        vocabulary.ContactTypes.Count > 0 && contactTypes.FirstOrDefault(type => !vocabulary.ContactTypes.HasCode(type)) is { } unknown
            ? Violation("contact_types", $"'{unknown}' is not a contact type; expected codes of the partnership's vocabulary ({string.Join(", ", vocabulary.ContactTypes.Select(t => t.Code))})")
            : null;

    private static FieldViolation? Required(string field, string value, string why) =>
        string.IsNullOrWhiteSpace(value) ? Violation(field, $"is required: {why}") : null;

    private static FieldViolation? NotNegative(string field, Duration? duration) =>
        duration is not null && duration.ToTimeSpan() < TimeSpan.Zero ? Violation(field, "must not be negative") : null;

    private static FieldViolation Violation(string field, string description) => new() { Field = field, Description = description };

    private static IReadOnlyList<FieldViolation> Violations(params FieldViolation?[] checks) => [.. checks.OfType<FieldViolation>()];
}
