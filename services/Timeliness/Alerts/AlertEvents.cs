using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;

namespace Mash.Timeliness.Alerts;

internal static class AlertEvents
{
    /// <summary>The integration event of a numbered alert: it occurred at its moment and was recorded when raised.</summary>
    public static IMessage Of(RaisedAlert alert)
    {
        var (occurred, recorded) = (Stamp(alert.OccurredAt), Stamp(alert.RaisedAt));
        var eventId = NewGuids.OrderedBy(alert.RaisedAt).ToString();
        return alert.Kind == AlertKind.Breached
            ? new DeadlineBreached
            {
                EventId = eventId, ContactId = alert.ContactId, Rag = alert.Rag, AgencyId = alert.AgencyId ?? "", Team = alert.Team,
                StartedAt = Stamp(alert.StartedAt), DueAt = Stamp(alert.DueAt), AlertSequence = alert.Sequence, OccurredAt = occurred, RecordedAt = recorded,
            }
            : new DeadlineApproaching
            {
                EventId = eventId, ContactId = alert.ContactId, Rag = alert.Rag, AgencyId = alert.AgencyId ?? "", Team = alert.Team,
                StartedAt = Stamp(alert.StartedAt), DueAt = Stamp(alert.DueAt), AlertSequence = alert.Sequence, OccurredAt = occurred, RecordedAt = recorded,
            };
    }

    private static Timestamp Stamp(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);
}
