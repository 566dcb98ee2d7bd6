using Mash.Contracts.Common.V1;
using Mash.Triage.Actors;
using Mash.Triage.InformationSharing;
using Mash.Triage.Queue;
using Mash.Triage.Tests.Queue;
using Mash.Triage.Timing;

namespace Mash.Triage.Tests.InformationSharing;

public class InformationRulesTests
{
    private static readonly DateTimeOffset Asked = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static InformationRequest Request(InformationAnswer? answer = null) =>
        new(Guid.NewGuid(), "c-1", "health-north", "GP registration?", "sw-1", Asked, Asked.AddHours(4), answer);

    [Fact]
    public void Information_is_asked_while_the_contact_is_screened() => Assert.Null(InformationRules.AskedWhileScreening(RatingRulesTests.Entry()));

    [Fact]
    public void A_decided_contact_asks_nothing_more() =>
        Assert.NotNull(InformationRules.AskedWhileScreening(RatingRulesTests.Entry(Rag.Red, new ThresholdDecision(true, "sw-1", "harm", Asked))));

    [Fact]
    public void An_answer_is_due_after_asking() => Assert.NotNull(InformationRules.DueAfterAsking(Asked, Asked));

    [Fact]
    public void The_agency_asked_answers() => Assert.Null(InformationRules.AnsweredByTheAgencyAsked(Request(), new Actor("health-north", AgencyId: "health-north")));

    [Fact]
    public void Another_agency_does_not_answer() => Assert.NotNull(InformationRules.AnsweredByTheAgencyAsked(Request(), new Actor("police-west", AgencyId: "police-west")));

    [Fact]
    public void A_member_of_staff_does_not_answer_for_an_agency() => Assert.NotNull(InformationRules.AnsweredByTheAgencyAsked(Request(), new Actor("sw-1")));

    [Fact]
    public void An_importer_replays_an_agencys_answer() => Assert.Null(InformationRules.AnsweredByTheAgencyAsked(Request(), new Actor("legacy-import", IsImporter: true)));

    [Fact]
    public void An_open_request_takes_an_answer() => Assert.Equal(AnswerStep.Record, InformationRules.CheckAnswer(Request(), "registered"));

    [Fact]
    public void The_same_answer_again_is_a_retry() =>
        Assert.Equal(AnswerStep.SameAnswer, InformationRules.CheckAnswer(Request(new InformationAnswer("registered", "gp-1", Asked.AddHours(1), "within 4 h")), "registered"));

    [Fact]
    public void Another_answer_to_an_answered_request_is_refused() =>
        Assert.Equal(AnswerStep.AlreadyAnswered, InformationRules.CheckAnswer(Request(new InformationAnswer("registered", "gp-1", Asked.AddHours(1), "within 4 h")), "not known"));

    [Fact]
    public void An_imported_answer_before_the_question_is_refused() =>
        Assert.NotNull(InformationRules.AnsweredAfterAsking(new Moment(Asked.AddMinutes(-1), Given: true), Request()));
}
