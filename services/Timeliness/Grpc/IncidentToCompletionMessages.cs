using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Reporting;

namespace Mash.Timeliness.Grpc;

internal static class IncidentToCompletionMessages
{
    /// <summary>The request in the domain's words, its window and period read as T1's are.</summary>
    public static PeriodQuery ToQuery(GetIncidentToCompletionRequest request)
    {
        var (from, to) = ReportWindow.Read(request.From, request.To);
        return new(from, to, DecisionTimelinessMessages.PeriodField(request.Period), ReportWindow.Agency(request.AgencyId));
    }

    public static IncidentToCompletion ToMessage(IEnumerable<Reporting.IncidentToCompletionCount> counts, TimeSpan target) => new()
    {
        Target = Duration.FromTimeSpan(target),
        Counts =
        {
            counts.Select(count => new Contracts.Timeliness.V1.IncidentToCompletionCount
            {
                PeriodStart = Timestamp.FromDateTimeOffset(count.PeriodStart),
                AgencyId = count.AgencyId,
                Incidents = count.Incidents,
                WithinTarget = count.WithinTarget,
                Later = count.Later,
                Open = count.Open,
            }),
        },
    };
}
