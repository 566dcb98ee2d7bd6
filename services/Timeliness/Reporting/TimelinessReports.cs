namespace Mash.Timeliness.Reporting;

/// <summary>The backlog (T3), response times (T2) and incident to completion (T5) reports, handed to the gRPC service together.</summary>
internal sealed record TimelinessReports(BacklogReport Backlog, BacklogSlots Slots, ResponseTimesReport ResponseTimes, IncidentToCompletionReport IncidentToCompletion);
