using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Quality.Registers.Grpc;

/// <summary>Surveys (Q3), complaints and compliments (Q4), case studies (Q5) and the impact log (Q9).</summary>
internal sealed partial class RegistersGrpcService
{
    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<RecordedEntry> RecordSurveyResponse(RecordSurveyResponseRequest request, ServerCallContext context)
    {
        Check(SurveyRequestRules.Check(request, vocabulary));
        var now = time.GetUtcNow();
        var answer = new SurveyAnswer(request.Survey, request.AgencyId, Days.Of(request.RespondedOn)!.Value, request.Satisfaction, request.Confident, request.Comment);
        return Recorded(await registers.Surveys.RecordAsync(Guid.Parse(request.RequestId), NewGuids.OrderedBy(now), answer, context.GetCaller().Id, now, context.CancellationToken));
    }

    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<RecordedEntry> RecordFeedbackItem(RecordFeedbackItemRequest request, ServerCallContext context)
    {
        Check(FeedbackRequestRules.Check(request));
        var now = time.GetUtcNow();
        var item = new FeedbackEntry(FeedbackRequestRules.KindOf(request.Kind), request.AgencyId, Days.Of(request.ReceivedOn)!.Value, request.Summary);
        return Recorded(await registers.Feedback.RecordAsync(Guid.Parse(request.RequestId), NewGuids.OrderedBy(now), item, context.GetCaller().Id, now, context.CancellationToken));
    }

    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<RecordedEntry> AddCaseStudy(AddCaseStudyRequest request, ServerCallContext context)
    {
        Check(CaseStudyRequestRules.Check(request));
        var now = time.GetUtcNow();
        var study = new CaseStudyRecord(NewGuids.OrderedBy(now), request.Title, request.Narrative, [.. request.AgencyIds], Days.Of(request.WrittenOn)!.Value, context.GetCaller().Id);
        return Recorded(await registers.CaseStudies.AddAsync(Guid.Parse(request.RequestId), study, now, context.CancellationToken));
    }

    /// <summary>Anonymised narratives, no one's data: not audited.</summary>
    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<ListCaseStudiesResponse> ListCaseStudies(ListRegisterRequest request, ServerCallContext context)
    {
        Check(ListRequestRules.Check(request));
        var studies = await registers.CaseStudies.ListAsync(ListRequestRules.RangeOf(request.From, request.To, request.PageSize), context.CancellationToken);
        return new ListCaseStudiesResponse { CaseStudies = { studies.Select(RegisterMessages.ToMessage) } };
    }

    [Authorize(Policy = MashPolicies.QualityLeads)]
    public override async Task<RecordedEntry> RecordImpact(RecordImpactRequest request, ServerCallContext context)
    {
        Check(ImpactRequestRules.Check(request));
        var now = time.GetUtcNow();
        var impact = new ImpactRecord(NewGuids.OrderedBy(now), Days.Of(request.OccurredOn)!.Value, request.Source, request.Impact, request.Evidence, context.GetCaller().Id);
        return Recorded(await registers.Impacts.RecordAsync(Guid.Parse(request.RequestId), impact, now, context.CancellationToken));
    }

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<ListImpactResponse> ListImpact(ListRegisterRequest request, ServerCallContext context)
    {
        Check(ListRequestRules.Check(request));
        var entries = await registers.Impacts.ListAsync(ListRequestRules.RangeOf(request.From, request.To, request.PageSize), context.CancellationToken);
        return new ListImpactResponse { Entries = { entries.Select(RegisterMessages.ToMessage) } };
    }
}
