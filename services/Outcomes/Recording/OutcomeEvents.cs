using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Outcomes.Journeys;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Recording;

/// <summary>The board-facing event (the journey's facts under its case_ref, never the contact id) and the internal feedback to Intake.</summary>
internal static class OutcomeEvents
{
    public static OutcomeRecorded Recorded(Journey journey, string caseRef, string outcome, DateTimeOffset now) =>
        Recorded(journey, caseRef, NewOutcome.Only(outcome), [], now, now);

    /// <param name="contributing">The agencies that had answered Triage's information requests by now (O2).</param>
    /// <param name="occurredAt">When the outcome was decided (an importer's time, else now).</param>
    public static OutcomeRecorded Recorded(Journey journey, string caseRef, NewOutcome outcome, IReadOnlyList<string> contributing, DateTimeOffset occurredAt, DateTimeOffset now) => new()
    {
        EventId = NewGuids.OrderedBy(now).ToString(),
        CaseRef = caseRef,
        Outcome = outcome.Code,
        AgencyId = journey.AgencyId,
        ReferralSource = journey.ReferralSource,
        InitialRag = journey.InitialRag,
        FinalRag = journey.FinalRag,
        ThresholdMet = journey.ThresholdMet,
        IsRepeat = journey.IsRepeat,
        IsRepeatReferral = journey.IsRepeatReferral,
        ContributingAgencyIds = { contributing },
        OnwardAgencyIds = { outcome.OnwardAgencyIds },
        Gaps = { outcome.Gaps },
        OccurredAt = Timestamp.FromDateTimeOffset(occurredAt),
        RecordedAt = Timestamp.FromDateTimeOffset(now),
        ContactReceivedAt = ReceivedAt(journey),
        Revision = 1,
    };

    /// <summary>
    /// A correction as the board's feed carries it: the case's outcome again, whole (the agencies and
    /// gaps it was recorded with), with the correction's revision, the outcome it replaces and its time.
    /// </summary>
    public static OutcomeRecorded CorrectedItem(Journey journey, string caseRef, OutcomeRevision revision, NewOutcome outcome, IReadOnlyList<string> contributing)
    {
        var item = Recorded(journey, caseRef, outcome, contributing, revision.OccurredAt, revision.RecordedAt);
        item.Revision = revision.Number;
        item.PreviousOutcome = revision.PreviousOutcome;
        return item;
    }

    /// <summary>A correction, pseudonymous like the outcome it corrects: the reason stays in Outcomes.</summary>
    public static OutcomeCorrected Corrected(Journey journey, string caseRef, OutcomeRevision revision) => new()
    {
        EventId = NewGuids.OrderedBy(revision.RecordedAt).ToString(),
        CaseRef = caseRef,
        PreviousOutcome = revision.PreviousOutcome,
        Outcome = revision.Outcome,
        Revision = revision.Number,
        AgencyId = journey.AgencyId,
        ThresholdMet = journey.ThresholdMet,
        OccurredAt = Timestamp.FromDateTimeOffset(revision.OccurredAt),
        RecordedAt = Timestamp.FromDateTimeOffset(revision.RecordedAt),
        ContactReceivedAt = ReceivedAt(journey),
    };

    private static Timestamp? ReceivedAt(Journey journey) =>
        journey.ReceivedAt is { } at ? Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;

    /// <summary>An agency was told the outcome in force (O4): by case_ref, with when the outcome was first recorded.</summary>
    public static FeedbackGiven Told(RecordedOutcome outcome, string agencyId, bool toReferrer, DateTimeOffset outcomeAt, DateTimeOffset toldAt, DateTimeOffset now) => new()
    {
        EventId = NewGuids.OrderedBy(now).ToString(),
        CaseRef = outcome.CaseRef,
        AgencyId = agencyId,
        ToReferrer = toReferrer,
        Outcome = outcome.Outcome,
        OutcomeAt = Timestamp.FromDateTimeOffset(outcomeAt),
        OccurredAt = Timestamp.FromDateTimeOffset(toldAt),
        RecordedAt = Timestamp.FromDateTimeOffset(now),
    };

    /// <summary>Internal, not board-facing: the outcome by contact id, for Intake to feed back to the referring agency (O4).</summary>
    public static ContactOutcomeFedBack FedBack(string contactId, string outcome, DateTimeOffset now) => FedBack(contactId, outcome, now, now);

    /// <param name="revision">1 for the outcome as first recorded, a correction's number for a correction.</param>
    public static ContactOutcomeFedBack FedBack(string contactId, string outcome, DateTimeOffset occurredAt, DateTimeOffset now, int revision = 1) => new()
    {
        EventId = NewGuids.OrderedBy(now).ToString(),
        ContactId = contactId,
        Outcome = outcome,
        OccurredAt = Timestamp.FromDateTimeOffset(occurredAt),
        RecordedAt = Timestamp.FromDateTimeOffset(now),
        Revision = revision,
    };
}
