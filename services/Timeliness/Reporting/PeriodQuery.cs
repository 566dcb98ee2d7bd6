namespace Mash.Timeliness.Reporting;

/// <summary>What a count by period asks: what happened in [From, To), by Period (date_trunc's field), optionally one agency's.</summary>
internal sealed record PeriodQuery(DateTimeOffset From, DateTimeOffset To, string Period, string? AgencyId);
