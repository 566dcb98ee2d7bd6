namespace Mash.Triage.Reporting;

/// <summary>
/// What a count covers: things that happened in [From, To), by when they happened (an imported
/// action by its own time), grouped into periods of <see cref="Period"/> ("day", "week", "month",
/// "quarter", "year": PostgreSQL's date_trunc fields, in UTC).
/// </summary>
internal sealed record CountWindow(DateTimeOffset From, DateTimeOffset To, string Period);

/// <summary>A count's key and value: the period it starts and what was counted in it.</summary>
internal sealed record PeriodCount<TKey>(DateTimeOffset PeriodStart, TKey Key, long Count);
