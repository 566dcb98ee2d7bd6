using Mash.Contracts.Events.V1;
using Mash.Outcomes.Journeys;

namespace Mash.Outcomes.Recording;

/// <summary>An outcome accepted for a contact: its rows' values, its board feed item and Intake's event.</summary>
internal sealed record OutcomeToRecord(
    string ContactId, string CaseRef, NewOutcome Outcome, string PractitionerId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt,
    OutcomeRecorded Item, ContactOutcomeFedBack FedBack)
{
    /// <param name="contributing">The agencies that had answered Triage's information requests by now (O2).</param>
    public static OutcomeToRecord Of(Journey journey, string caseRef, NewOutcome outcome, string practitionerId, IReadOnlyList<string> contributing, DateTimeOffset now)
    {
        var occurredAt = outcome.OccurredAt ?? now;
        return new(journey.ContactId, caseRef, outcome, practitionerId, occurredAt, now,
            OutcomeEvents.Recorded(journey, caseRef, outcome, contributing, occurredAt, now),
            // The referrer's feedback (O4) is for Intake only: it names the contact, so it is an event of its own.
            OutcomeEvents.FedBack(journey.ContactId, outcome.Code, occurredAt, now));
    }
}
