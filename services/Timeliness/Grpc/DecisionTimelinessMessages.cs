using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Reporting;

namespace Mash.Timeliness.Grpc;

internal static class DecisionTimelinessMessages
{
    /// <summary>The request in the domain's words: a window of at least one instant, the period as date_trunc's field (month unless asked).</summary>
    public static DecisionTimelinessQuery ToQuery(GetDecisionTimelinessRequest request)
    {
        var (from, to) = ReportWindow.Read(request.From, request.To);
        return new(from, to, ReportWindow.PeriodField(request.Period), ReportWindow.RagFilter(request.Rag), ReportWindow.Agency(request.AgencyId));
    }

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
