using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Alerts;

namespace Mash.Timeliness.Grpc;

internal static class AlertMessages
{
    /// <summary>The watch request in the domain's words; a negative position, an unknown RAG or a team the partnership has not configured is INVALID_ARGUMENT naming the field.</summary>
    public static AlertFilter ToFilter(WatchAlertsRequest request, IReadOnlySet<string> teams)
    {
        if (request.AfterSequence < 0)
        {
            throw RpcErrors.InvalidArgument("after_sequence", "must be 0 (from the start) or the sequence of the last alert seen");
        }
        foreach (var rag in request.Rags.Where(rag => rag is not (Rag.Red or Rag.Amber or Rag.Green)))
        {
            throw RpcErrors.InvalidArgument("rags", $"{rag} is not a RAG rating alerts are raised for; use RAG_RED, RAG_AMBER or RAG_GREEN");
        }
        if (request.Teams.FirstOrDefault(team => !teams.Contains(team)) is { } unknown)
        {
            throw RpcErrors.InvalidArgument("teams", $"'{unknown}' is not a MASH team; the teams are {string.Join(", ", teams.Order(StringComparer.Ordinal).Select(t => $"'{t}'"))}");
        }
        return new AlertFilter([.. request.Rags], [.. request.AgencyIds], [.. request.Teams]);
    }

    public static Alert ToAlert(RaisedAlert alert, IReadOnlyDictionary<Rag, string> labels) => new()
    {
        Sequence = alert.Sequence,
        Kind = alert.Kind,
        ContactId = alert.ContactId,
        Rag = alert.Rag,
        RagLabel = labels.TryGetValue(alert.Rag, out var label) ? label : "",
        AgencyId = alert.AgencyId ?? "",
        Team = alert.Team,
        StartedAt = Timestamp.FromDateTimeOffset(alert.StartedAt),
        DueAt = Timestamp.FromDateTimeOffset(alert.DueAt),
        OccurredAt = Timestamp.FromDateTimeOffset(alert.OccurredAt),
        RaisedAt = Timestamp.FromDateTimeOffset(alert.RaisedAt),
    };
}
