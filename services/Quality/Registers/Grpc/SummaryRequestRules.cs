using Mash.Contracts.Quality.V1;
using Mash.Quality.Grpc;
using Mash.Quality.Periods;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Quality.Registers.Grpc;

/// <summary>What GetRegisterSummary must say, as GetAssurance: a valid as_of in a reported year, a known period kind.</summary>
internal static class SummaryRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(GetRegisterSummaryRequest request) => RegisterFields.All(
        ScorecardRequestRules.IsAValidTime("as_of", request.AsOf) ?? AssuranceRequestRules.IsAReportingYear(request.AsOf),
        AssuranceRequestRules.IsAKnownPeriod(request.Period));

    /// <summary>The financial-year period a valid request asks about, in the partnership's calendar, and today there.</summary>
    public static (ReportingPeriod Period, DateOnly Today) PeriodOf(GetRegisterSummaryRequest request, TimeProvider time, TimeZoneInfo zone, int yearStartMonth)
    {
        var kind = AssuranceRequestRules.KindOf(new GetAssuranceRequest { Period = request.Period });
        var today = PeriodInstants.DayOf(time.GetUtcNow().UtcDateTime, zone);
        var day = request.AsOf is { } asOf ? PeriodInstants.DayOf(asOf.ToDateTime(), zone) : today;
        return (ReportingPeriod.Containing(kind, day, yearStartMonth), today);
    }
}
