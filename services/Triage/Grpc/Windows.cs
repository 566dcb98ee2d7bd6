using Mash.Contracts.Triage.V1;

namespace Mash.Triage.Grpc;

/// <summary>A count's window in the domain's words: the period as PostgreSQL's date_trunc field (month unless asked).</summary>
internal static class Windows
{
    public static Reporting.CountWindow Of(CountWindow window) =>
        new(window.From.ToDateTimeOffset(), window.To.ToDateTimeOffset(), window.Period switch
        {
            Period.Day => "day",
            Period.Week => "week",
            Period.Quarter => "quarter",
            Period.Year => "year",
            _ => "month",
        });
}
