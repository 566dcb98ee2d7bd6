using Mash.Contracts.Triage.V1;
using Mash.Triage.Queue;

namespace Mash.Triage.Grpc;

internal static class QueuePaging
{
    /// <summary>The page ListQueue returns: the default for 0, at most the maximum (a larger request is cut, as AIP-158 asks).</summary>
    public static int PageSize(int requested, QueueOptions options) =>
        requested == 0 ? options.DefaultPageSize : Math.Min(requested, options.MaxPageSize);

    /// <summary>The request's filters in the domain's words.</summary>
    public static QueueFilter FilterOf(ListQueueRequest request) => new(
        [.. request.Rags], [.. request.AgencyIds], [.. request.Pathways], [.. request.ContactTypes],
        request.MinAge?.ToTimeSpan(), request.MaxAge?.ToTimeSpan(), request.DueSoon);
}
