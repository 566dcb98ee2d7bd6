using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Definitions;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Quality.Registers.Grpc;

/// <summary>
/// mash.quality.v1.RegistersService: the quality registers (Q1–Q6, Q8, Q9). Quality leads and managers
/// write; board members, managers and quality leads read. Only an audit names a contact, so only a
/// listing of audits is audited (a row per contact named); a call refused for its role is on record.
/// </summary>
internal sealed partial class RegistersGrpcService(
    QualityRegisters registers, RegisterVocabulary vocabulary, IndicatorCatalogue catalogue, AuditLog audit, TimeProvider time) : RegistersService.RegistersServiceBase
{
    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<RecordedEntry> RecordQualityAudit(RecordQualityAuditRequest request, ServerCallContext context)
    {
        Check(QualityAuditRequestRules.Check(request, vocabulary));
        var now = time.GetUtcNow();
        var record = new QualityAuditRecord(
            NewGuids.OrderedBy(now), QualityAuditRequestRules.KindOf(request.Kind), request.AgencyId, Days.Of(request.AuditedOn)!.Value, request.Grade,
            QualityAuditRequestRules.ConsentOf(request.Consent), request.Findings, request.ContactId.Length > 0 ? Guid.Parse(request.ContactId) : null, context.GetCaller().Id);
        return Recorded(await registers.Audits.RecordAsync(Guid.Parse(request.RequestId), record, now, context.CancellationToken));
    }

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<ListQualityAuditsResponse> ListQualityAudits(ListQualityAuditsRequest request, ServerCallContext context)
    {
        Check(QualityAuditRequestRules.Check(request));
        var audits = await registers.Audits.ListAsync(
            request.Kind == QualityAuditKind.Unspecified ? null : QualityAuditRequestRules.KindOf(request.Kind),
            request.AgencyId.Length > 0 ? request.AgencyId : null,
            ListRequestRules.RangeOf(request.From, request.To, request.PageSize),
            // The contacts named leave with their audit rows.
            (transaction, page) => audit.RecordAsync(transaction, context.GetCaller(), context.Method,
                [.. page.Where(a => a.ContactId is not null).Select(a => a.ContactId.ToString())], AuditOutcome.Allowed, context.CancellationToken),
            context.CancellationToken);
        return new ListQualityAuditsResponse { Audits = { audits.Select(RegisterMessages.ToMessage) } };
    }

    /// <summary>Counts only, no one's data: not audited.</summary>
    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<RegisterSummary> GetRegisterSummary(GetRegisterSummaryRequest request, ServerCallContext context)
    {
        Check(SummaryRequestRules.Check(request));
        var (period, today) = SummaryRequestRules.PeriodOf(request, time, catalogue.TimeZone, catalogue.YearStarts[ReportingYear.Financial]);
        return SummaryMessages.ToMessage(await registers.Summary.ReadAsync(period, today, context.CancellationToken));
    }

    private static RecordedEntry Recorded(Guid id) => new() { Id = id.ToString() };

    private static void Check(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
    }
}
