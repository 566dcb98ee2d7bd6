using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Reporting;

namespace Mash.Timeliness.Grpc;

internal static class ResponseTimeMessages
{
    /// <summary>The request in the domain's words, its window and period read as T1's are.</summary>
    public static PeriodQuery ToQuery(GetResponseTimesRequest request)
    {
        var (from, to) = ReportWindow.Read(request.From, request.To);
        return new(from, to, DecisionTimelinessMessages.PeriodField(request.Period), ReportWindow.Agency(request.AgencyId));
    }

    public static ResponseTimes ToMessage(IEnumerable<Reporting.ResponseTimeCount> counts, IReadOnlyList<TimeSpan> bands) => new()
    {
        Counts =
        {
            counts.Select(count => new Contracts.Timeliness.V1.ResponseTimeCount
            {
                PeriodStart = Timestamp.FromDateTimeOffset(count.PeriodStart),
                AgencyId = count.AgencyId,
                Requested = count.Requested,
                Unanswered = count.Unanswered,
                Bands =
                {
                    count.AnsweredByBand.Select((answered, band) => new ResponseBandCount
                    {
                        Over = band > 0 ? Duration.FromTimeSpan(bands[band - 1]) : null,
                        Within = band < bands.Count ? Duration.FromTimeSpan(bands[band]) : null,
                        Answered = answered,
                    }),
                },
            }),
        },
    };
}
