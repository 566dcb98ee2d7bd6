using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Tests.Infrastructure;
using static Mash.Quality.Tests.Registers.RegistersHost;
using static Mash.Quality.Tests.Registers.RequestRulesTests;

namespace Mash.Quality.Tests.Registers;

/// <summary>Surveys (Q3), complaints and compliments (Q4), case studies (Q5) and impact (Q9) over gRPC and PostgreSQL, in 2025/26 Q1.</summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class LibraryRegisterTests(QualityDatabase database) : IAsyncLifetime
{
    private RegistersHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync(await database.CreateDatabaseAsync());

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static RecordSurveyResponseRequest Answer(string agency, string satisfaction, bool confident) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Survey = "Referrer survey 2025/26 Q1", AgencyId = agency, RespondedOn = Day(2025, 5, 2), Satisfaction = satisfaction, Confident = confident,
    };

    private static RecordFeedbackItemRequest Feedback(FeedbackKind kind, string agency) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Kind = kind, AgencyId = agency, ReceivedOn = Day(2025, 4, 20), Summary = "About the MASH's feedback to the referrer.",
    };

    [Fact]
    public async Task Satisfaction_and_confidence_are_counted_by_agency_and_together()
    {
        foreach (var answer in new[] { Answer("police", "very-satisfied", true), Answer("police", "neither", true), Answer("school", "satisfied", false), Answer("school", "dissatisfied", false) })
        {
            await host.Client.RecordSurveyResponseAsync(answer, QualityLead);
        }

        var surveys = (await host.Client.GetRegisterSummaryAsync(new GetRegisterSummaryRequest(), BoardMember)).Surveys;

        Assert.Equal([("police", 2L, 1L, 50.0, 100.0), ("school", 2L, 1L, 50.0, 0.0), ("", 4L, 2L, 50.0, 50.0)],
            surveys.Select(s => (s.AgencyId, s.Responses, s.Satisfied, s.SatisfiedPercent, s.ConfidentPercent)));
    }

    [Fact]
    public async Task Complaints_and_compliments_are_counted_by_agency_and_together()
    {
        foreach (var item in new[] { Feedback(FeedbackKind.Complaint, "health"), Feedback(FeedbackKind.Complaint, "health"), Feedback(FeedbackKind.Compliment, "police") })
        {
            await host.Client.RecordFeedbackItemAsync(item, Manager);
        }

        var feedback = (await host.Client.GetRegisterSummaryAsync(new GetRegisterSummaryRequest(), BoardMember)).Feedback;

        Assert.Equal([("health", 2L, 0L), ("police", 0L, 1L), ("", 2L, 1L)], feedback.Select(f => (f.AgencyId, f.Complaints, f.Compliments)));
    }

    [Fact]
    public async Task A_retried_complaint_is_counted_once()
    {
        var complaint = Feedback(FeedbackKind.Complaint, "health");

        var first = await host.Client.RecordFeedbackItemAsync(complaint, QualityLead);
        var retry = await host.Client.RecordFeedbackItemAsync(complaint, QualityLead);

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(1L, await host.CountAsync("feedback_items"));
    }

    [Fact]
    public async Task A_case_study_is_kept_in_the_library_and_counted_in_its_quarter()
    {
        var request = new AddCaseStudyRequest
        {
            RequestId = Guid.NewGuid().ToString(), Title = "Information shared the same day", Narrative = "A school's concern, police history and health's knowledge together.",
            AgencyIds = { "school", "police", "health" }, WrittenOn = Day(2025, 5, 9),
        };
        var added = await host.Client.AddCaseStudyAsync(request, QualityLead);

        var listed = (await host.Client.ListCaseStudiesAsync(new ListRegisterRequest { From = Day(2025, 5, 1) }, BoardMember)).CaseStudies.Single();

        Assert.Equal((added.Id, request.Title, request.Narrative, "lead-1"), (listed.Id, listed.Title, listed.Narrative, listed.RecordedBy));
        Assert.Equal(request.AgencyIds, listed.AgencyIds);
        Assert.Equal(1L, (await host.Client.GetRegisterSummaryAsync(new GetRegisterSummaryRequest(), BoardMember)).CaseStudies);
    }

    [Fact]
    public async Task Impacts_are_listed_newest_first_and_counted_in_their_quarter()
    {
        foreach (var (day, source) in new[] { (Day(2025, 4, 3), "MA audit 3"), (Day(2025, 5, 3), "SCR 2014/03"), (Day(2025, 1, 3), "Survey 2024/25 Q3") })
        {
            await host.Client.RecordImpactAsync(new RecordImpactRequest
            {
                RequestId = Guid.NewGuid().ToString(), OccurredOn = day, Source = source, Impact = "Referrals now state consent.", Evidence = "Re-audit",
            }, QualityLead);
        }

        var listed = await host.Client.ListImpactAsync(new ListRegisterRequest(), BoardMember);

        Assert.Equal(["SCR 2014/03", "MA audit 3", "Survey 2024/25 Q3"], listed.Entries.Select(e => e.Source));
        Assert.Equal(2L, (await host.Client.GetRegisterSummaryAsync(new GetRegisterSummaryRequest(), BoardMember)).Impacts);
    }

    [Fact]
    public async Task A_survey_answer_off_the_scale_is_INVALID_ARGUMENT_naming_satisfaction_and_stores_nothing()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.RecordSurveyResponseAsync(Answer("police", "delighted", true), QualityLead));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["satisfaction"], refused.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(0L, await host.CountAsync("survey_responses"));
    }

    [Fact]
    public async Task The_summary_of_the_year_to_date_counts_from_April()
    {
        await host.Client.RecordFeedbackItemAsync(new RecordFeedbackItemRequest(Feedback(FeedbackKind.Compliment, "police")) { ReceivedOn = Day(2025, 3, 31) }, QualityLead);
        await host.Client.RecordFeedbackItemAsync(Feedback(FeedbackKind.Compliment, "police"), QualityLead);

        var summary = await host.Client.GetRegisterSummaryAsync(new GetRegisterSummaryRequest { Period = ReportingPeriodKind.YearToDate }, BoardMember);

        Assert.Equal(("2025/26 YTD to May", 1L), (summary.Period, summary.Feedback.Single(f => f.AgencyId == "").Compliments));
    }
}
