using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Reporting;

namespace Mash.Timeliness.Grpc;

internal static class ResponseTimeMessages
{
    public static PeriodQuery ToQuery(GetResponseTimesRequest request) => ReportWindow.ToPeriodQuery(request.From, request.To, request.Period, request.AgencyId);

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
