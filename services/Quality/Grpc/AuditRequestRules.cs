using Mash.Contracts.Quality.V1;
using Mash.Quality.Audits;
using static Google.Rpc.BadRequest.Types;
using static Mash.Quality.Grpc.TextRules;

namespace Mash.Quality.Grpc;

/// <summary>What each AuditService request must say, one rule per field; every broken rule is reported at once.</summary>
internal static class AuditRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(ProposeAuditRequest request) => Broken(
        RequestIdIsAUuid(request.RequestId),
        IsWritten("focus", request.Focus, Line),
        IsWritten("rationale", request.Rationale, Paragraphs),
        IsWritten("lead_auditor", request.LeadAuditor, Line));

    public static IReadOnlyList<FieldViolation> Check(ChallengeAuditRequest request) => Broken(
        RequestIdIsAUuid(request.RequestId), IsAUuid("audit_id", request.AuditId), IsWritten("challenge", request.Challenge, Paragraphs));

    public static IReadOnlyList<FieldViolation> Check(DecideAuditRequest request) => Broken(
        RequestIdIsAUuid(request.RequestId), IsAUuid("audit_id", request.AuditId), IsWritten("decision", request.Decision, Paragraphs));

    public static IReadOnlyList<FieldViolation> Check(ReportAuditRequest request) => Broken(
        RequestIdIsAUuid(request.RequestId),
        IsAUuid("audit_id", request.AuditId),
        IsWritten("findings", request.Findings, Paragraphs),
        IsWritten("story", request.Story, Paragraphs));

    public static IReadOnlyList<FieldViolation> Check(AddAuditActionRequest request) => Broken(
        RequestIdIsAUuid(request.RequestId),
        IsAUuid("audit_id", request.AuditId),
        IsWritten("action", request.Action, Paragraphs),
        IsWritten("owner", request.Owner, Line),
        IsADate("target_date", request.TargetDate),
        request.Rag.Length == 0 ? null : IsAWord("rag", request.Rag, AuditWords.Rags));

    public static IReadOnlyList<FieldViolation> Check(UpdateAuditActionRequest request) => Broken(
        RequestIdIsAUuid(request.RequestId),
        IsAUuid("audit_id", request.AuditId),
        ActionIsNumbered(request.Action),
        IsAWord("rag", request.Rag, AuditWords.Rags),
        IsShort("evidence", request.Evidence, Paragraphs),
        IsADate("completed_on", request.CompletedOn, optional: true));

    public static IReadOnlyList<FieldViolation> Check(GetAuditRequest request) => Broken(IsAUuid("audit_id", request.AuditId));

    public static IReadOnlyList<FieldViolation> Check(ListAuditsRequest request) =>
        Broken(request.Stage.Length == 0 ? null : IsAWord("stage", request.Stage, AuditWords.Stages));

    /// <summary>Actions are numbered from 1 in the order they were planned.</summary>
    public static FieldViolation? ActionIsNumbered(int action) => action >= 1 ? null : Violation("action", "An action's number in the plan, from 1.");

    /// <summary>A date a valid request wrote; null for an empty optional one.</summary>
    public static DateOnly? DateOf(string value) => value.Length == 0 ? null : DateOnly.ParseExact(value, "yyyy-MM-dd");

    private static FieldViolation[] Broken(params FieldViolation?[] violations) => [.. violations.OfType<FieldViolation>()];
}
