using Mash.Contracts.Common.V1;
using Mash.Quality.Definitions;
using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>A measure Quality computes today: its unit and its headline value from a period's facts (null when there is nothing to divide by).</summary>
internal sealed record ComputedMeasure(Unit Unit, Func<ScorecardFacts, double?> Value);

/// <summary>
/// The scorecard's measures by their MEASURES.md id, each reduced to the one value an indicator is
/// judged on: every measure of MEASURES.md's D, R, T and O tables.
/// </summary>
internal static class ComputedMeasures
{
    public static readonly IReadOnlyDictionary<string, ComputedMeasure> ById = new Dictionary<string, ComputedMeasure>(StringComparer.OrdinalIgnoreCase)
    {
        ["D1"] = new(Unit.Number, facts => Received(facts)),
        ["R1"] = new(Unit.Percent, facts => Percent(
            Counts.Of(facts.Ratings.Where(r => r.Rag is Rag.Red or Rag.Amber), r => r.Count), Counts.Of(facts.Ratings.Where(r => r.Rag != Rag.Unspecified), r => r.Count))),
        ["O1"] = new(Unit.Number, facts => Counts.Of(facts.Outcomes, o => o.Count)),
        ["T1"] = new(Unit.Percent, facts => Percent(
            DecisionTimeliness.DecisionsWithinTarget(facts.DecisionTimings), DecisionTimeliness.DecisionsTimed(facts.DecisionTimings))),
        ["O3"] = new(Unit.Percent, facts => Percent(
            RepeatReferralRate.RepeatReferrals(facts.Outcomes), RepeatReferralRate.Referrals(facts.Outcomes))),
        ["D2"] = new(Unit.Percent, facts => Percent(ContactConversion.Referrals(facts.Activity.Decisions), Received(facts))),
        ["D4"] = new(Unit.Number, facts => ContactsByType.Count(facts.Contacts, ContactsByType.EarlyHelpRequest)),
        ["D5"] = new(Unit.Percent, facts => Percent(ContactsByType.Count(facts.Contacts, ContactsByType.InformationRequest), Received(facts))),
        ["R2"] = new(Unit.Number, facts => Counts.Of(facts.Activity.RatingChanges, c => c.Count)),
        ["R4"] = new(Unit.Number, facts => Counts.Of(facts.Activity.Escalations, e => e.Count)),
        ["R5"] = new(Unit.Number, facts => Counts.Of(facts.Activity.InformationRequests, r => r.Count)),
        ["T2"] = new(Unit.Percent, facts => Percent(
            ResponseTimes.WithinFirstBand(facts.Activity.InformationResponses), Counts.Of(facts.Activity.InformationResponses, r => r.Count))),
        ["T4"] = new(Unit.Number, facts => Counts.Of(facts.Activity.Breaches, b => b.Count)),
        ["O4"] = new(Unit.Percent, facts => Percent(FeedbackToReferrer.Told(facts.Depth.FeedbackOwed), FeedbackToReferrer.Owed(facts.Depth.FeedbackOwed))),
        ["O5"] = new(Unit.Number, facts => ContactConversion.BelowThreshold(facts.Activity.Decisions)),
        ["D3"] = new(Unit.Number, facts => PresentingIssues.Recorded(facts.Activity.PresentingIssues)),
        ["D6"] = new(Unit.Number, facts => ContactsByPathway.Count(facts.Contacts, Pathway.Children)),
        ["R3"] = new(Unit.Number, facts => InitialRatingAgainstOutcome.Rerated(facts.Outcomes)),
        ["T3"] = new(Unit.Number, facts => Backlog.Open(facts.Depth.Backlog)),
        ["T5"] = new(Unit.Percent, facts => Percent(
            IncidentToCompletion.WithinTarget(facts.Depth.Incidents), IncidentToCompletion.Judged(facts.Depth.Incidents, facts.End))),
        ["O2"] = new(Unit.Number, facts => AgencyUtilisation.OnwardReferrals(facts.Depth.OutcomeAgencies)),
        ["O6"] = new(Unit.Number, facts => GapsFound.Count(facts.Depth.Gaps)),
        ["O7"] = new(Unit.Number, facts => Consultations.Count(facts.Depth.Consultations)),
        ["D7"] = new(Unit.Number, facts => DomesticAbuse.Outstanding(facts.Depth.Backlog)),
        ["D8"] = new(Unit.Percent, facts => Percent(Consent.WhereSought(facts.Contacts), Received(facts))),
    };

    // D1: a rollup's contact stands for as many as it counts.
    private static long Received(ScorecardFacts facts) => Counts.Of(facts.Contacts, c => c.Count);

    // No decisions timed is no share at all, not 0% on time.
    private static double? Percent(long part, long whole) => whole == 0 ? null : 100.0 * part / whole;
}
