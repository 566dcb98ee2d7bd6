using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Timeliness.Clocks;

/// <summary>
/// An integration event as Timeliness reads it: its id (for the inbox), its contact and its fact;
/// and the trace it came in (a DecisionTimed it causes joins that trace, the contact's journey).
/// </summary>
internal sealed record ClockEvent(string EventId, string ContactId, ClockFact Fact, string? TraceParent = null)
{
    // Each fact is timed by occurred_at (measures use when things happened: an imported contact
    // keeps its original time), or recorded_at from a producer that left occurred_at unset.
    public static ClockEvent From(ContactReceived received) =>
        Checked(received.EventId, received.ContactId, new ClockFact.Received(
            When(received.EventId, received.OccurredAt, received.RecordedAt), NullIfEmpty(received.AgencyId), received.IncidentAt?.ToDateTimeOffset()));

    public static ClockEvent From(ContactRated rated) => rated.Rag is Rag.Red or Rag.Amber or Rag.Green
        ? Checked(rated.EventId, rated.ContactId, new ClockFact.Rated(rated.Rag, When(rated.EventId, rated.OccurredAt, rated.RecordedAt)))
        : throw Malformed(rated.EventId, $"rag {rated.Rag}");

    public static ClockEvent From(DecisionRecorded decided) =>
        Checked(decided.EventId, decided.ContactId, new ClockFact.Decided(When(decided.EventId, decided.OccurredAt, decided.RecordedAt)));

    private static string? NullIfEmpty(string text) => string.IsNullOrEmpty(text) ? null : text;

    private static ClockEvent Checked(string eventId, string contactId, ClockFact fact) =>
        string.IsNullOrWhiteSpace(eventId) || string.IsNullOrWhiteSpace(contactId)
            ? throw Malformed(eventId, "no event_id or contact_id")
            : new ClockEvent(eventId, contactId, fact);

    private static DateTimeOffset When(string eventId, Timestamp? occurredAt, Timestamp? recordedAt) =>
        (occurredAt ?? recordedAt)?.ToDateTimeOffset() ?? throw Malformed(eventId, "no occurred_at or recorded_at");

    // No retry mends a malformed event: after MassTransit's retries it rests in the _error queue for an operator.
    private static InvalidOperationException Malformed(string eventId, string what) => new($"Event '{eventId}' cannot be timed: {what}.");
}
