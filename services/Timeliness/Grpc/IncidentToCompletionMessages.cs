using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Reporting;

namespace Mash.Timeliness.Grpc;

internal static class IncidentToCompletionMessages
{
    public static PeriodQuery ToQuery(GetIncidentToCompletionRequest request) => ReportWindow.ToPeriodQuery(request.From, request.To, request.Period, request.AgencyId);

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
