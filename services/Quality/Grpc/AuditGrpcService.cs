using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Audits;
using Mash.Quality.Definitions;
using Mash.Quality.Periods;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using FieldViolation = Google.Rpc.BadRequest.Types.FieldViolation;

namespace Mash.Quality.Grpc;

/// <summary>
/// mash.quality.v1.AuditService, the Q7 register: quality leads and managers propose, report and
/// plan actions; the audit group's members (managers and board members) challenge and decide; board
/// members, managers and quality leads read. The register names staff, so every read is audited.
/// </summary>
internal sealed class AuditGrpcService(AuditStore store, AuditReader reader, IndicatorCatalogue catalogue, AuditLog audit, TimeProvider time)
    : AuditService.AuditServiceBase
{
    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<MultiAgencyAudit> ProposeAudit(ProposeAuditRequest request, ServerCallContext context)
    {
        Check(AuditRequestRules.Check(request));
        var proposed = await store.ProposeAsync(Guid.Parse(request.RequestId), request.Focus, request.Rationale, request.LeadAuditor, context.GetCaller(), context.CancellationToken);
        return AuditMessages.ToMessage(proposed, Today);
    }

    [Authorize(Policy = MashPolicies.Board)]
    public override Task<MultiAgencyAudit> ChallengeAudit(ChallengeAuditRequest request, ServerCallContext context) =>
        StepAsync(AuditRequestRules.Check(request), request.RequestId, request.AuditId, AuditStage.Challenged, request.Challenge, "", context);

    [Authorize(Policy = MashPolicies.Board)]
    public override Task<MultiAgencyAudit> DecideAudit(DecideAuditRequest request, ServerCallContext context) =>
        StepAsync(AuditRequestRules.Check(request), request.RequestId, request.AuditId,
            request.Approved ? AuditStage.Approved : AuditStage.Rejected, request.Decision, "", context);

    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override Task<MultiAgencyAudit> ReportAudit(ReportAuditRequest request, ServerCallContext context) =>
        StepAsync(AuditRequestRules.Check(request), request.RequestId, request.AuditId, AuditStage.Reported, request.Findings, request.Story, context);

    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<MultiAgencyAudit> AddAuditAction(AddAuditActionRequest request, ServerCallContext context)
    {
        Check(AuditRequestRules.Check(request));
        var action = new NewAuditAction(Guid.Parse(request.RequestId), Guid.Parse(request.AuditId), request.Action, request.Owner,
            AuditRequestRules.DateOf(request.TargetDate)!.Value, request.Rag.Length == 0 ? ActionRag.Amber : AuditWords.Rags[request.Rag]);
        return Answer(await store.AddActionAsync(action, context.GetCaller(), context.CancellationToken));
    }

    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<MultiAgencyAudit> UpdateAuditAction(UpdateAuditActionRequest request, ServerCallContext context)
    {
        Check(AuditRequestRules.Check(request));
        var update = new AuditActionUpdate(Guid.Parse(request.RequestId), Guid.Parse(request.AuditId), request.Action, AuditWords.Rags[request.Rag], request.Evidence, AuditRequestRules.DateOf(request.CompletedOn));
        return Answer(await store.UpdateActionAsync(update, context.GetCaller(), context.CancellationToken));
    }

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<MultiAgencyAudit> GetAudit(GetAuditRequest request, ServerCallContext context)
    {
        Check(AuditRequestRules.Check(request));
        await audit.RecordAsync(context, request.AuditId, AuditOutcome.Allowed);
        var found = await reader.GetAsync(Guid.Parse(request.AuditId), context.CancellationToken)
            ?? throw RpcErrors.NotFound($"No audit {request.AuditId}.");
        return AuditMessages.ToMessage(found, Today);
    }

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<ListAuditsResponse> ListAudits(ListAuditsRequest request, ServerCallContext context)
    {
        Check(AuditRequestRules.Check(request));
        var today = Today;
        var audits = (await reader.ListAsync(request.Stage.Length == 0 ? null : AuditWords.Stages[request.Stage], context.CancellationToken))
            .Where(a => !request.OverdueOnly || a.IsOverdue(today)).ToList();
        await audit.RecordAsync(context.GetCaller(), context.Method, [.. audits.Select(a => a.Id.ToString())], AuditOutcome.Allowed, context.CancellationToken);
        return new ListAuditsResponse { Audits = { audits.Select(a => AuditMessages.ToMessage(a, today)) } };
    }

    private async Task<MultiAgencyAudit> StepAsync(
        IReadOnlyList<FieldViolation> violations, string requestId, string auditId, AuditStage to, string text, string detail, ServerCallContext context)
    {
        Check(violations);
        return Answer(await store.StepAsync(Guid.Parse(requestId), Guid.Parse(auditId), to, text, detail, context.GetCaller(), context.CancellationToken));
    }

    private MultiAgencyAudit Answer(AuditResult result) => result switch
    {
        AuditResult.Done done => AuditMessages.ToMessage(done.Audit, Today),
        AuditResult.NotFound notFound => throw RpcErrors.NotFound(notFound.What),
        AuditResult.Refused refused => throw RpcErrors.FailedPrecondition(refused.Reason),
        var other => throw new InvalidOperationException($"Unexpected result {other}."),
    };

    // Overdue is by the partnership's calendar: an action due today is not overdue until tomorrow there.
    private DateOnly Today => PeriodInstants.DayOf(time.GetUtcNow().UtcDateTime, catalogue.TimeZone);

    private static void Check(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
    }
}
