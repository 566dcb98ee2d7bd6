using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Reporting;

namespace Mash.Timeliness.Grpc;

/// <summary>A report request's [from, to) (both required, and at least one instant long), period, RAG and agency.</summary>
internal static class ReportWindow
{
    public static (DateTimeOffset From, DateTimeOffset To) Read(Timestamp? from, Timestamp? to)
    {
        if (from is null || to is null)
        {
            throw RpcErrors.InvalidArgument(from is null ? "from" : "to", "is required");
        }
        var window = (From: from.ToDateTimeOffset(), To: to.ToDateTimeOffset());
        return window.To > window.From ? window : throw RpcErrors.InvalidArgument("to", "must be after from");
    }

    /// <summary>A count by period's request in the domain's words: its window, the period as date_trunc's field (month unless asked), the agency if one.</summary>
    public static PeriodQuery ToPeriodQuery(Timestamp? from, Timestamp? to, Period period, string agencyId)
    {
        var (start, end) = Read(from, to);
        return new(start, end, PeriodField(period), Agency(agencyId));
    }

    /// <summary>The period as date_trunc's field, month unless asked; a value the contract does not define is INVALID_ARGUMENT, not a month.</summary>
    public static string PeriodField(Period period) => period switch
    {
        Period.Unspecified or Period.Month => "month",
        Period.Day => "day",
        Period.Week => "week",
        Period.Quarter => "quarter",
        Period.Year => "year",
        _ => throw RpcErrors.InvalidArgument("period", "must be PERIOD_DAY, PERIOD_WEEK, PERIOD_MONTH, PERIOD_QUARTER or PERIOD_YEAR (unset: month)"),
    };

    /// <summary>A RAG filter: unset is every RAG; a value the contract does not define is INVALID_ARGUMENT, not an empty report.</summary>
    public static Rag RagFilter(Rag rag) =>
        System.Enum.IsDefined(rag) ? rag : throw RpcErrors.InvalidArgument("rag", "must be RAG_RED, RAG_AMBER or RAG_GREEN (unset: every RAG)");

    /// <summary>An agency filter: empty is every agency.</summary>
    public static string? Agency(string agencyId) => string.IsNullOrEmpty(agencyId) ? null : agencyId;
}
