using Mash.Contracts.Quality.V1;
using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>The scorecard: each indicator computed from the same period's facts.</summary>
internal static class Scorecards
{
    public static Scorecard Compute(ScorecardFacts facts)
    {
        var timed = DecisionTimeliness.DecisionsTimed(facts.DecisionTimings);
        var withinTarget = DecisionTimeliness.DecisionsWithinTarget(facts.DecisionTimings);
        var referrals = RepeatReferralRate.Referrals(facts.Outcomes);
        var repeatReferrals = RepeatReferralRate.RepeatReferrals(facts.Outcomes);
        var activity = facts.Activity;
        var depth = facts.Depth;
        return new Scorecard
        {
            ContactsByAgency = { ContactsByAgency.Compute(facts.Contacts) },
            ContactsByRag = { ContactsByRag.Compute(facts.Ratings) },
            Outcomes = { OutcomesByCode.Compute(facts.Outcomes) },
            DecisionsTimed = timed,
            DecisionsWithinTarget = withinTarget,
            ShareWithinTarget = DecisionTimeliness.ShareWithinTarget(timed, withinTarget),
            Referrals = referrals,
            RepeatReferrals = repeatReferrals,
            RepeatReferralRate = RepeatReferralRate.Rate(referrals, repeatReferrals),
            ReferralsByAgency = { ContactConversion.ReferralsByAgency(activity.Decisions) },
            ContactsBelowThreshold = ContactConversion.BelowThreshold(activity.Decisions),
            EarlyHelpRequestsByAgency = { ContactsByType.ByAgency(facts.Contacts, ContactsByType.EarlyHelpRequest) },
            InformationRequestContacts = ContactsByType.Count(facts.Contacts, ContactsByType.InformationRequest),
            ContactsByPathway = { ContactsByPathway.Compute(facts.Contacts) },
            ContactsByPresentingIssue = { PresentingIssues.Compute(activity.PresentingIssues) },
            RatingChanges = { RatingChanges.Compute(activity.RatingChanges) },
            EscalationsByAgency = { Escalations.ByAgency(activity.Escalations) },
            EscalationsResolvedByResolution = { Escalations.ByResolution(activity.Resolutions) },
            InformationRequestsByAgency = { InformationRequests.ByAgency(activity.InformationRequests) },
            ResponsesByBand = { ResponseTimes.ByBand(activity.InformationResponses) },
            ResponsesWithin4Hours = ResponseTimes.WithinFirstBand(activity.InformationResponses),
            BreachesByRag = { DeadlineBreaches.ByRag(activity.Breaches) },
            ApproachingByRag = { DeadlineBreaches.ByRag(activity.Approaches) },
            ReferralsFedBack = FeedbackToReferrer.ReferrersTold(depth.FeedbackOwed),
            MeanHoursToFeedback = FeedbackToReferrer.MeanHoursToTell(depth.FeedbackOwed) ?? 0,
            ContributionsByAgency = { AgencyUtilisation.ByAgency(depth.OutcomeAgencies, OutcomeAgencyFact.Contributed) },
            OnwardReferralsByAgency = { AgencyUtilisation.ByAgency(depth.OutcomeAgencies, OutcomeAgencyFact.Onward) },
            GapsFound = { GapsFound.ByGap(depth.Gaps) },
            ConsultationsByKind = { Consultations.ByKind(depth.Consultations) },
            BacklogByRag = { Backlog.ByRag(depth.Backlog) },
            BacklogByAge = { Backlog.ByAge(depth.Backlog, facts.End) },
            IncidentsJudged = IncidentToCompletion.Judged(depth.Incidents, facts.End),
            IncidentsCompletedWithin24H = IncidentToCompletion.WithinTarget(depth.Incidents),
            OutcomesByInitialRag = { InitialRatingAgainstOutcome.ByInitialRag(facts.Outcomes) },
            AgenciesTold = { AgenciesTold.ByRecipient(depth.FeedbackOwed) },
            AgenciesOwed = { AgenciesTold.Owed(depth.FeedbackOwed) },
            DomesticAbuseByRisk = { DomesticAbuse.ByRisk(facts.Contacts) },
            DomesticAbuseOutstandingByRisk = { DomesticAbuse.OutstandingByRisk(depth.Backlog) },
            ContactsByConsent = { Consent.ByState(facts.Contacts) },
        };
    }
}
