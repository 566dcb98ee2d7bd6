using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Queue;

namespace Mash.Triage.Grpc;

internal static class QueuePaging
{
    /// <summary>The page ListQueue returns for a well-formed page_size (<see cref="TriageRequestRules.ListQueue"/>): the default for 0.</summary>
    public static int PageSize(int requested, QueueOptions options) => PageSizes.Of(requested, options.DefaultPageSize);

    /// <summary>The request's filters in the domain's words.</summary>
    public static QueueFilter FilterOf(ListQueueRequest request) => new(
        [.. request.Rags], [.. request.AgencyIds], [.. request.Pathways], [.. request.ContactTypes],
        request.MinAge?.ToTimeSpan(), request.MaxAge?.ToTimeSpan(), request.DueSoon);
}
