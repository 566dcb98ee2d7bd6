using Mash.Contracts.Events.V1;
using Mash.Outcomes.Recording;

namespace Mash.Outcomes.Feedback;

/// <summary>A telling accepted (O4): its row's values and FeedbackGiven for the measures.</summary>
internal sealed record TellingToRecord(string ContactId, string AgencyId, bool ToReferrer, string GivenBy, DateTimeOffset ToldAt, DateTimeOffset RecordedAt, FeedbackGiven Given)
{
    public static TellingToRecord Of(TellingFacts facts, string agencyId, string givenBy, DateTimeOffset toldAt, DateTimeOffset now)
    {
        var toReferrer = agencyId == facts.Journey.AgencyId;
        return new(facts.Journey.ContactId, agencyId, toReferrer, givenBy, toldAt, now, OutcomeEvents.Told(facts.Outcome, agencyId, toReferrer, facts.OutcomeAt, toldAt, now));
    }
}
