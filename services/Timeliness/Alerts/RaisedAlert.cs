using Mash.Contracts.Common.V1;
using Mash.Contracts.Timeliness.V1;

namespace Mash.Timeliness.Alerts;

/// <summary>One alert of the alert log: <paramref name="OccurredAt"/> is its moment, <paramref name="RaisedAt"/> when the scheduler raised it.</summary>
internal sealed record RaisedAlert(
    long Sequence,
    AlertKind Kind,
    string ContactId,
    Rag Rag,
    string? AgencyId,
    string Team,
    DateTimeOffset StartedAt,
    DateTimeOffset DueAt,
    DateTimeOffset OccurredAt,
    DateTimeOffset RaisedAt)
{
    /// <summary>The alert <paramref name="deadline"/> raises at <paramref name="now"/>, before the log numbers it.</summary>
    public static RaisedAlert Of(AlertDeadline deadline, string team, DateTimeOffset now)
    {
        var kind = AlertKinds.Due(deadline, now);
        return new(0, kind, deadline.ContactId, deadline.Rag, deadline.AgencyId, team, deadline.StartedAt, deadline.DueAt,
            kind == AlertKind.Breached ? deadline.DueAt : deadline.ApproachingAt, now);
    }
}
