using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class ScorecardsTests
{
    [Fact]
    public void The_scorecard_puts_each_indicator_in_its_place()
    {
        var card = Scorecards.Compute(new ScorecardFacts(
            [Contact("c1", "police-west"), Contact("c2", "st-marys-school")],
            [Rating("c1", Rag.Amber)],
            [Outcome("r1", "advice"), Referral("r2", isRepeatReferral: true), Referral("r3", isRepeatReferral: false), Referral("r4", isRepeatReferral: false)],
            [Timing("c1", true), Timing("c2", false)]));

        Assert.Equal(1, card.ContactsByAgency["police-west"]);
        Assert.Equal(1, card.ContactsByRag["RAG_AMBER"]);
        Assert.Equal(1, card.Outcomes["advice"]);
        Assert.Equal((2, 1, 0.5), (card.DecisionsTimed, card.DecisionsWithinTarget, card.ShareWithinTarget));
        Assert.Equal((3, 1, 1 / 3.0), (card.Referrals, card.RepeatReferrals, card.RepeatReferralRate));
    }

    [Fact]
    public void An_empty_period_gives_an_empty_scorecard()
    {
        var card = Scorecards.Compute(new ScorecardFacts([], [], [], []));
        Assert.Empty(card.ContactsByAgency);
        Assert.Equal((0, 0, 0.0), (card.DecisionsTimed, card.DecisionsWithinTarget, card.ShareWithinTarget));
        Assert.Equal((0, 0, 0.0), (card.Referrals, card.RepeatReferrals, card.RepeatReferralRate));
    }

    [Fact]
    public void The_scorecard_splits_the_new_measures_by_agency_band_and_rag()
    {
        var card = Scorecards.Compute(new ScorecardFacts(
            [ActivityTestFacts.ContactOfType("c1", "police-west", ContactsByType.EarlyHelpRequest), ActivityTestFacts.ContactOfType("c2", "cafcass", ContactsByType.InformationRequest, Pathway.Adults)],
            [], [], [])
        {
            Activity = new(
                [ActivityTestFacts.Decision("c1", true), ActivityTestFacts.Decision("c2", false, "cafcass")],
                [ActivityTestFacts.Change(Rag.Amber, Rag.Red)],
                [ActivityTestFacts.Escalation("e1", "health")],
                [ActivityTestFacts.Request("i1", "gp")],
                [ActivityTestFacts.Response("i1", TimeSpan.FromHours(3))],
                [ActivityTestFacts.Breach("c1", Rag.Red)])
            {
                Approaches = [ActivityTestFacts.Breach("c2", Rag.Amber)],
            },
        });

        Assert.Equal(1, card.ReferralsByAgency["police-west"]);
        Assert.Equal(1, card.ContactsBelowThreshold);
        Assert.Equal(1, card.EarlyHelpRequestsByAgency["police-west"]);
        Assert.Equal(1, card.InformationRequestContacts);
        Assert.Equal((1, 1), (card.ContactsByPathway["PATHWAY_CHILDREN"], card.ContactsByPathway["PATHWAY_ADULTS"]));
        Assert.Equal(1, card.RatingChanges["RAG_AMBER→RAG_RED"]);
        Assert.Equal(1, card.EscalationsByAgency["health"]);
        Assert.Equal(1, card.InformationRequestsByAgency["gp"]);
        Assert.Equal((1, 1), (card.ResponsesByBand["within 4 h"], card.ResponsesWithin4Hours));
        Assert.Equal(1, card.BreachesByRag["RAG_RED"]);
        Assert.Equal(1, card.ApproachingByRag["RAG_AMBER"]);
    }

    [Fact]
    public void The_scorecard_splits_the_outcomes_in_depth_the_backlog_incidents_domestic_abuse_and_consent()
    {
        var card = Scorecards.Compute(new ScorecardFacts(
            [Contact("c1", "police-west") with { DashRisk = "DASH_RISK_HIGH", Consent = "CONSENT_STATE_GIVEN" }],
            [], [DepthTestFacts.Rerated("r1", Rag.Green, Rag.Red, "strategy-discussion")], [])
        {
            Depth = new(
                [DepthTestFacts.Contributed("r1", "health-east"), DepthTestFacts.Onward("r1", "gp-7")],
                [new("r1", "not-in-education")],
                [DepthTestFacts.Owed(toReferrer: true, TimeSpan.FromHours(1)), DepthTestFacts.Owed(toReferrer: false, TimeSpan.FromHours(3)), DepthTestFacts.Owed(toReferrer: false, null)],
                [DepthTestFacts.Consultation("k1", "early-help")],
                [DepthTestFacts.Incident("c1", TimeSpan.FromHours(5))],
                [DepthTestFacts.Open("c1", Rag.Red, TimeSpan.FromDays(2)) with { DashRisk = "DASH_RISK_HIGH" }]),
            End = Monday,
        });

        Assert.Equal((1, 1), (card.ContributionsByAgency["health-east"], card.OnwardReferralsByAgency["gp-7"]));
        Assert.Equal((1, 1), (card.GapsFound["not-in-education"], card.ConsultationsByKind["early-help"]));
        Assert.Equal((1, 1), (card.BacklogByRag["RAG_RED"], card.BacklogByAge["1 to 5 days"]));
        Assert.Equal((1, 1), (card.IncidentsJudged, card.IncidentsCompletedWithin24H));
        Assert.Equal(1, card.OutcomesByInitialRag["RAG_GREEN→strategy-discussion"]);
        Assert.Equal((1, 1, 2), (card.ReferralsFedBack, card.AgenciesTold[AgenciesTold.Referrer], card.AgenciesOwed[AgenciesTold.Contributor]));
        Assert.Equal(2.0, card.MeanHoursToFeedback);
        Assert.Equal((1, 1, 1), (card.DomesticAbuseByRisk["DASH_RISK_HIGH"], card.DomesticAbuseOutstandingByRisk["DASH_RISK_HIGH"], card.ContactsByConsent["CONSENT_STATE_GIVEN"]));
    }
}
