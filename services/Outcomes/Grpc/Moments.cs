using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Grpc;

/// <summary>
/// When a call's action happened: the server's clock, or an importer's occurred_at. Anyone else
/// giving a time is PERMISSION_DENIED, on record in the audit log against the record it is about.
/// </summary>
internal sealed class Moments(TimeProvider time, Refusals refusals)
{
    /// <summary>An importer's time, checked as <see cref="OfAsync"/> does; null when none was given (the recorder takes its own clock).</summary>
    public async Task<DateTimeOffset?> GivenAsync(Timestamp? occurredAt, ServerCallContext context, string? recordId) =>
        occurredAt is null ? null : await OfAsync(occurredAt, context, recordId);

    public async Task<DateTimeOffset> OfAsync(Timestamp? occurredAt, ServerCallContext context, string? recordId)
    {
        if (occurredAt is null)
        {
            return time.GetUtcNow();
        }
        if (!context.GetCaller().IsInRole(MashRoles.Importer))
        {
            throw await refusals.RefuseAsync(context, recordId, "occurred_at: only the importer role may give the time something happened; live calls take the server's clock.");
        }
        var at = occurredAt.ToDateTimeOffset();
        var now = time.GetUtcNow();
        return at <= now ? at : throw RpcErrors.InvalidArgument("occurred_at", $"must not be in the future (the server's clock says {now:O})");
    }
}
