using Mash.Contracts.Common.V1;

namespace Mash.Timeliness.Alerts;

/// <summary>An open clock's deadline as the scheduler keeps it: when it is approaching and when it is due.</summary>
internal sealed record AlertDeadline(string ContactId, Rag Rag, string? AgencyId, DateTimeOffset StartedAt, DateTimeOffset ApproachingAt, DateTimeOffset DueAt);
