namespace Mash.Quality.Audits;

/// <summary>An action to add to a reported audit's plan, by the client's request id.</summary>
internal sealed record NewAuditAction(Guid RequestId, Guid AuditId, string Action, string Owner, DateOnly TargetDate, ActionRag Rag);
