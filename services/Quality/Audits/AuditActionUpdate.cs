namespace Mash.Quality.Audits;

/// <summary>An action's RAG, evidence and completion, as set by its update.</summary>
internal sealed record AuditActionUpdate(Guid AuditId, int Number, ActionRag Rag, string Evidence, DateOnly? CompletedOn);
