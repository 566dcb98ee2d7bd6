using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Reporting;

namespace Mash.Timeliness.Grpc;

internal static class DecisionTimelinessMessages
{
    /// <summary>The request in the domain's words: a window of at least one instant, the period as date_trunc's field (month unless asked).</summary>
    public static DecisionTimelinessQuery ToQuery(GetDecisionTimelinessRequest request)
    {
        if (request.From is null || request.To is null)
        {
            throw RpcErrors.InvalidArgument(request.From is null ? "from" : "to", "is required");
        }
        var (from, to) = (request.From.ToDateTimeOffset(), request.To.ToDateTimeOffset());
        if (to <= from)
        {
            throw RpcErrors.InvalidArgument("to", "must be after from");
        }
        return new(from, to, PeriodField(request.Period), request.Rag, string.IsNullOrEmpty(request.AgencyId) ? null : request.AgencyId);
    }

    public static string PeriodField(Period period) => period switch
    {
        Period.Day => "day",
        Period.Week => "week",
        Period.Quarter => "quarter",
        Period.Year => "year",
        _ => "month",
    };

    public static DecisionTimeliness ToMessage(IEnumerable<Reporting.DecisionTimelinessCount> counts) => new()
    {
        Counts =
        {
            counts.Select(count => new Contracts.Timeliness.V1.DecisionTimelinessCount
            {
                PeriodStart = Timestamp.FromDateTimeOffset(count.PeriodStart),
                Rag = count.Rag,
                AgencyId = count.AgencyId,
                Decided = count.Decided,
                WithinTarget = count.WithinTarget,
            }),
        },
    };
}
