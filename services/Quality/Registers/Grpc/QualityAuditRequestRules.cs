using Mash.Contracts.Quality.V1;
using Mash.ServiceDefaults;
using static Google.Rpc.BadRequest.Types;
using static Mash.Quality.Registers.Grpc.RegisterFields;

namespace Mash.Quality.Registers.Grpc;

/// <summary>What RecordQualityAudit and ListQualityAudits must say, one rule per field; every broken rule is reported at once.</summary>
internal static class QualityAuditRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(RecordQualityAuditRequest request, RegisterVocabulary vocabulary) => All(
        RequestId(request.RequestId),
        KindIsKnown(request.Kind),
        AgencyIsNamedForAReferral(request),
        Day("audited_on", request.AuditedOn),
        Code("grade", request.Grade, vocabulary.AuditGrades),
        ConsentFitsTheKind(request),
        Required("findings", request.Findings, Long),
        request.ContactId.Length == 0 ? null : ContactIds.Violation(request.ContactId));

    public static IReadOnlyList<FieldViolation> Check(ListQualityAuditsRequest request) => All(
        Enum.IsDefined(request.Kind) ? null : Violation("kind", $"{(int)request.Kind} is not an audit kind"),
        OptionalAgency("agency_id", request.AgencyId),
        OptionalDay("from", request.From),
        OptionalDay("to", request.To),
        FromBeforeTo(request.From, request.To),
        PageSize(request.PageSize));

    public static FieldViolation? KindIsKnown(QualityAuditKind kind) =>
        kind is QualityAuditKind.ReferralQuality or QualityAuditKind.DecisionMaking ? null : Violation("kind", "required: referral quality (Q1) or decision-making (Q2)");

    /// <summary>Q1 is by the referring agency; a decision audit may be of the MASH as a whole.</summary>
    public static FieldViolation? AgencyIsNamedForAReferral(RecordQualityAuditRequest request) =>
        request.Kind == QualityAuditKind.ReferralQuality ? Agency("agency_id", request.AgencyId) : OptionalAgency("agency_id", request.AgencyId);

    /// <summary>Q1 says whether consent was sought; a decision audit has nothing to say about it.</summary>
    public static FieldViolation? ConsentFitsTheKind(RecordQualityAuditRequest request) => request.Kind switch
    {
        QualityAuditKind.ReferralQuality when !Enum.IsDefined(request.Consent) || request.Consent == Consent.Unspecified =>
            Violation("consent", "required for a referral quality audit: sought, not sought or not needed"),
        QualityAuditKind.DecisionMaking when request.Consent != Consent.Unspecified => Violation("consent", "a decision-making audit records no consent"),
        _ => null,
    };

    public static string KindOf(QualityAuditKind kind) => kind == QualityAuditKind.ReferralQuality ? AuditKinds.ReferralQuality : AuditKinds.DecisionMaking;

    public static string? ConsentOf(Consent consent) => consent switch
    {
        Consent.Sought => AuditKinds.Sought,
        Consent.NotSought => AuditKinds.NotSought,
        Consent.NotNeeded => AuditKinds.NotNeeded,
        _ => null,
    };
}
