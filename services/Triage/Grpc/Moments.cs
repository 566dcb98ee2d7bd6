using Google.Protobuf.WellKnownTypes;
using Mash.ServiceDefaults;
using Mash.Triage.Actors;
using Mash.Triage.Timing;

namespace Mash.Triage.Grpc;

/// <summary>When a call's action happened: the server's clock, or an importer's occurred_at (point 7).</summary>
internal static class Moments
{
    public static Moment Of(Timestamp? occurredAt, Actor actor, TimeProvider time)
    {
        if (occurredAt is null)
        {
            return Moment.Now(time);
        }
        if (TimeRules.OnlyAnImporterGivesTimes(given: true, actor.IsImporter) is { } notImporter)
        {
            throw RpcErrors.PermissionDenied($"occurred_at: {notImporter}.");
        }
        var at = occurredAt.ToDateTimeOffset();
        if (TimeRules.NotInTheFuture(at, time.GetUtcNow()) is { } future)
        {
            throw RpcErrors.InvalidArgument("occurred_at", future);
        }
        return new Moment(at, Given: true);
    }
}
