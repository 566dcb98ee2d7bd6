using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Registers;
using Mash.Quality.Registers.Grpc;

namespace Mash.Quality.Tests.Registers;

/// <summary>Each register's request rules: a sound request passes, and each rule names its field.</summary>
public sealed class RequestRulesTests
{
    private static readonly RegisterVocabulary Vocabulary = RegisterVocabulary.Shipped;

    internal static CalendarDay Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    internal static RecordQualityAuditRequest ReferralAudit() => new()
    {
        RequestId = Guid.NewGuid().ToString(), Kind = QualityAuditKind.ReferralQuality, AgencyId = "police", AuditedOn = Day(2025, 5, 6),
        Grade = "good", Consent = Consent.Sought, Findings = "Clear risk analysis; consent recorded.",
    };

    internal static AddLearningRequest Learning() => new()
    {
        RequestId = Guid.NewGuid().ToString(), SourceType = "serious-case-review", Source = "SCR 2014/03", IdentifiedOn = Day(2025, 5, 1),
        Lesson = "Practitioners did not use tools to measure change.",
        Actions = { new NewLearningAction { Action = "Update the tools table", Owner = "CSCB", TargetOn = Day(2025, 6, 30), Implementation = "Website" } },
    };

    private static IEnumerable<string> Fields(IEnumerable<Google.Rpc.BadRequest.Types.FieldViolation> violations) => violations.Select(v => v.Field);

    [Fact]
    public void A_sound_referral_audit_passes() => Assert.Empty(QualityAuditRequestRules.Check(ReferralAudit(), Vocabulary));

    [Fact]
    public void An_audit_of_no_kind_is_refused() => Assert.Equal("kind", QualityAuditRequestRules.KindIsKnown(QualityAuditKind.Unspecified)?.Field);

    [Fact]
    public void A_referral_audit_names_its_agency()
    {
        var request = ReferralAudit();
        request.AgencyId = "";
        Assert.Equal("agency_id", QualityAuditRequestRules.AgencyIsNamedForAReferral(request)?.Field);
    }

    [Fact]
    public void A_decision_audit_may_name_no_agency()
    {
        var request = ReferralAudit();
        (request.Kind, request.AgencyId, request.Consent) = (QualityAuditKind.DecisionMaking, "", Consent.Unspecified);
        Assert.Empty(QualityAuditRequestRules.Check(request, Vocabulary));
    }

    [Fact]
    public void A_referral_audit_says_whether_consent_was_sought()
    {
        var request = ReferralAudit();
        request.Consent = Consent.Unspecified;
        Assert.Equal("consent", QualityAuditRequestRules.ConsentFitsTheKind(request)?.Field);
    }

    [Fact]
    public void A_decision_audit_records_no_consent()
    {
        var request = ReferralAudit();
        request.Kind = QualityAuditKind.DecisionMaking;
        Assert.Equal("consent", QualityAuditRequestRules.ConsentFitsTheKind(request)?.Field);
    }

    [Fact]
    public void An_audits_contact_is_a_contact_id()
    {
        var request = ReferralAudit();
        request.ContactId = "Jane Doe";
        Assert.Equal(["contact_id"], Fields(QualityAuditRequestRules.Check(request, Vocabulary)));
    }

    [Fact]
    public void An_audit_grade_is_a_configured_one()
    {
        var request = ReferralAudit();
        request.Grade = "excellent";
        Assert.Equal(["grade"], Fields(QualityAuditRequestRules.Check(request, Vocabulary)));
    }

    [Fact]
    public void Every_broken_rule_of_an_audit_is_reported_at_once() =>
        Assert.Equal(["request_id", "kind", "audited_on", "grade", "findings"], Fields(QualityAuditRequestRules.Check(new RecordQualityAuditRequest(), Vocabulary)));

    [Fact]
    public void A_listing_of_an_unknown_audit_kind_is_refused() =>
        Assert.Equal(["kind"], Fields(QualityAuditRequestRules.Check(new ListQualityAuditsRequest { Kind = (QualityAuditKind)7 })));

    [Fact]
    public void A_survey_answer_is_on_the_configured_scale()
    {
        var request = new RecordSurveyResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), Survey = "2025/26 Q1", AgencyId = "school", RespondedOn = Day(2025, 5, 2), Satisfaction = "delighted",
        };
        Assert.Equal(["satisfaction"], Fields(SurveyRequestRules.Check(request, Vocabulary)));
    }

    [Fact]
    public void Feedback_is_a_complaint_or_a_compliment() => Assert.Equal("kind", FeedbackRequestRules.KindIsKnown(FeedbackKind.Unspecified)?.Field);

    [Fact]
    public void Feedback_names_the_agency_it_is_about() =>
        Assert.Equal(["agency_id"], Fields(FeedbackRequestRules.Check(new RecordFeedbackItemRequest
        {
            RequestId = Guid.NewGuid().ToString(), Kind = FeedbackKind.Complaint, ReceivedOn = Day(2025, 5, 2), Summary = "Slow feedback",
        })));

    [Fact]
    public void A_case_study_has_a_narrative() =>
        Assert.Equal(["narrative"], Fields(CaseStudyRequestRules.Check(new AddCaseStudyRequest
        {
            RequestId = Guid.NewGuid().ToString(), Title = "Early help at the door", WrittenOn = Day(2025, 5, 2),
        })));

    [Fact]
    public void A_sound_lesson_passes() => Assert.Empty(LearningRequestRules.Check(Learning(), Vocabulary));

    [Fact]
    public void A_lesson_has_at_least_one_action()
    {
        var request = Learning();
        request.Actions.Clear();
        Assert.Equal("actions", LearningRequestRules.HasActions(request)?.Field);
    }

    [Fact]
    public void A_lessons_source_is_a_configured_one()
    {
        var request = Learning();
        request.SourceType = "gossip";
        Assert.Equal(["source_type"], Fields(LearningRequestRules.Check(request, Vocabulary)));
    }

    [Fact]
    public void An_actions_fields_are_named_by_its_place()
    {
        var request = Learning();
        request.Actions.Add(new NewLearningAction { Action = "Train", TargetOn = Day(2025, 7, 1) });
        Assert.Equal(["actions[1].owner"], Fields(LearningRequestRules.Check(request, Vocabulary)));
    }

    [Fact]
    public void An_action_update_names_an_action() =>
        Assert.Equal(["action_id"], Fields(LearningRequestRules.Check(new UpdateLearningActionRequest { ActionId = "7" })));

    [Fact]
    public void A_report_is_scheduled_with_its_due_day_forum_and_lead() =>
        Assert.Equal(["due_on", "due_to", "lead"], Fields(ReportRequestRules.Check(new ScheduleReportRequest { RequestId = Guid.NewGuid().ToString(), Report = "LADO" })));

    [Fact]
    public void A_report_is_requested_before_it_is_due() =>
        Assert.Equal(["request_on"], Fields(ReportRequestRules.Check(new ScheduleReportRequest
        {
            RequestId = Guid.NewGuid().ToString(), Report = "LADO", DueOn = Day(2025, 6, 4), DueTo = "CSCB", Lead = "LADO manager", RequestOn = Day(2025, 6, 5),
        })));

    [Fact]
    public void A_reports_progress_is_a_configured_RAG() =>
        Assert.Equal(["progress"], Fields(ReportRequestRules.Check(new UpdateReportProgressRequest { ReportId = Guid.NewGuid().ToString(), Progress = "G" }, Vocabulary)));

    [Fact]
    public void A_report_may_be_not_yet_rated() =>
        Assert.Empty(ReportRequestRules.Check(new UpdateReportProgressRequest { ReportId = Guid.NewGuid().ToString() }, Vocabulary));

    [Fact]
    public void An_impact_says_what_changed() =>
        Assert.Equal(["impact"], Fields(ImpactRequestRules.Check(new RecordImpactRequest { RequestId = Guid.NewGuid().ToString(), OccurredOn = Day(2025, 5, 2), Source = "MA audit 3" })));

    [Fact]
    public void A_summary_of_an_unknown_period_kind_is_refused() =>
        Assert.Equal(["period"], Fields(SummaryRequestRules.Check(new GetRegisterSummaryRequest { Period = (ReportingPeriodKind)9 })));

    [Fact]
    public void A_summary_as_of_an_invalid_time_is_refused() =>
        Assert.Equal(["as_of"], Fields(SummaryRequestRules.Check(new GetRegisterSummaryRequest { AsOf = new Timestamp { Nanos = -1 } })));
}
