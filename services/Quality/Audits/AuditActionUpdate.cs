namespace Mash.Quality.Audits;

/// <summary>An action's RAG, evidence and completion, as set by its update, by the client's request id.</summary>
internal sealed record AuditActionUpdate(Guid RequestId, Guid AuditId, int Number, ActionRag Rag, string Evidence, DateOnly? CompletedOn);
