using Mash.Contracts.Quality.V1;
using Mash.ServiceDefaults;
using static Google.Rpc.BadRequest.Types;
using static Mash.Quality.Registers.Grpc.RegisterFields;

namespace Mash.Quality.Registers.Grpc;

/// <summary>What RecordAudit and ListAudits must say, one rule per field; every broken rule is reported at once.</summary>
internal static class AuditRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(RecordAuditRequest request, RegisterVocabulary vocabulary) => All(
        RequestId(request.RequestId),
        KindIsKnown(request.Kind),
        AgencyIsNamedForAReferral(request),
        Day("audited_on", request.AuditedOn),
        Code("grade", request.Grade, vocabulary.AuditGrades),
        ConsentFitsTheKind(request),
        Required("findings", request.Findings, Long),
        request.ContactId.Length == 0 ? null : ContactIds.Violation(request.ContactId));

    public static IReadOnlyList<FieldViolation> Check(ListAuditsRequest request) => All(
        Enum.IsDefined(request.Kind) ? null : Violation("kind", $"{(int)request.Kind} is not an audit kind"),
        OptionalAgency("agency_id", request.AgencyId),
        OptionalDay("from", request.From),
        OptionalDay("to", request.To),
        FromBeforeTo(request.From, request.To),
        PageSize(request.PageSize));

    public static FieldViolation? KindIsKnown(AuditKind kind) =>
        kind is AuditKind.ReferralQuality or AuditKind.DecisionMaking ? null : Violation("kind", "required: referral quality (Q1) or decision-making (Q2)");

    /// <summary>Q1 is by the referring agency; a decision audit may be of the MASH as a whole.</summary>
    public static FieldViolation? AgencyIsNamedForAReferral(RecordAuditRequest request) =>
        request.Kind == AuditKind.ReferralQuality ? Agency("agency_id", request.AgencyId) : OptionalAgency("agency_id", request.AgencyId);

    /// <summary>Q1 says whether consent was sought; a decision audit has nothing to say about it.</summary>
    public static FieldViolation? ConsentFitsTheKind(RecordAuditRequest request) => request.Kind switch
    {
        AuditKind.ReferralQuality when !Enum.IsDefined(request.Consent) || request.Consent == Consent.Unspecified =>
            Violation("consent", "required for a referral quality audit: sought, not sought or not needed"),
        AuditKind.DecisionMaking when request.Consent != Consent.Unspecified => Violation("consent", "a decision-making audit records no consent"),
        _ => null,
    };

    public static string KindOf(AuditKind kind) => kind == AuditKind.ReferralQuality ? AuditKinds.ReferralQuality : AuditKinds.DecisionMaking;

    public static string? ConsentOf(Consent consent) => consent switch
    {
        Consent.Sought => AuditKinds.Sought,
        Consent.NotSought => AuditKinds.NotSought,
        Consent.NotNeeded => AuditKinds.NotNeeded,
        _ => null,
    };
}
