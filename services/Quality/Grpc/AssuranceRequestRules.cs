using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Periods;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Quality.Grpc;

/// <summary>What a GetAssurance or GetExceptionReport request must say, one rule per field; every broken rule is reported at once.</summary>
internal static class AssuranceRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(GetAssuranceRequest request) =>
        [.. new[] { ScorecardRequestRules.IsAValidTime("as_of", request.AsOf) ?? IsAReportingYear(request.AsOf), IsAKnownPeriod(request.Period) }.OfType<FieldViolation>()];

    // A trend window reaches years back, and a period's end a month on: kept well inside the calendar's ends.
    public static FieldViolation? IsAReportingYear(Timestamp? asOf) =>
        asOf?.ToDateTime().Year is { } year and (< 1900 or > 9000)
            ? new() { Field = "as_of", Description = $"The year {year} is outside the years reported (1900 to 9000)." }
            : null;

    public static FieldViolation? IsAKnownPeriod(ReportingPeriodKind period) =>
        Enum.IsDefined(period) ? null : new() { Field = "period", Description = $"{(int)period} is not a reporting period kind (month, quarter, year to date or rolling year)." };

    /// <summary>The kind a valid request asks for: the quarter unless it says otherwise.</summary>
    public static PeriodKind KindOf(GetAssuranceRequest request) => KindOf(request.Period);

    /// <summary>The kind a valid period field asks for: the quarter unless it says otherwise.</summary>
    public static PeriodKind KindOf(ReportingPeriodKind period) => period switch
    {
        ReportingPeriodKind.Month => PeriodKind.Month,
        ReportingPeriodKind.YearToDate => PeriodKind.YearToDate,
        ReportingPeriodKind.RollingYear => PeriodKind.RollingYear,
        _ => PeriodKind.Quarter,
    };

    /// <summary>The moment a valid request asks about: its as_of, or now.</summary>
    public static DateTime AsOf(GetAssuranceRequest request, TimeProvider time) => AsOf(request.AsOf, time);

    /// <summary>The moment a valid as_of field asks about, or now.</summary>
    public static DateTime AsOf(Timestamp? asOf, TimeProvider time) => asOf?.ToDateTime() ?? time.GetUtcNow().UtcDateTime;
}
