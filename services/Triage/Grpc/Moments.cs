using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.ServiceDefaults;
using Mash.Triage.Actors;
using Mash.Triage.Timing;

namespace Mash.Triage.Grpc;

/// <summary>
/// When a call's action happened: the server's clock, or an importer's occurred_at (point 7). Anyone
/// else giving a time is PERMISSION_DENIED, on record in the audit log against <c>recordId</c>.
/// </summary>
internal sealed class Moments(TimeProvider time, Refusals refusals)
{
    public async Task<Moment> OfAsync(Timestamp? occurredAt, Actor actor, ServerCallContext context, string recordId)
    {
        if (occurredAt is null)
        {
            return Moment.Now(time);
        }
        if (TimeRules.OnlyAnImporterGivesTimes(given: true, actor.IsImporter) is { } notImporter)
        {
            throw await refusals.RefuseAsync(context, recordId, $"occurred_at: {notImporter}.");
        }
        var at = occurredAt.ToDateTimeOffset();
        if (TimeRules.NotInTheFuture(at, time.GetUtcNow()) is { } future)
        {
            throw RpcErrors.InvalidArgument("occurred_at", future);
        }
        return new Moment(at, Given: true);
    }
}
