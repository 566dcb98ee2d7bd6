using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Reporting;

namespace Mash.Timeliness.Grpc;

/// <summary>A report request's [from, to): both required, and at least one instant long.</summary>
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
        return new(start, end, DecisionTimelinessMessages.PeriodField(period), Agency(agencyId));
    }

    /// <summary>An agency filter: empty is every agency.</summary>
    public static string? Agency(string agencyId) => string.IsNullOrEmpty(agencyId) ? null : agencyId;
}
