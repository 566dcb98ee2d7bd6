namespace Mash.Quality.Audits;

/// <summary>An action of the plan (004 Appendix 4): what, the named lead, the target date, the RAG, the evidence, when completed.</summary>
internal sealed record AuditAction(int Number, string Action, string Owner, DateOnly TargetDate, ActionRag Rag, string Evidence, DateOnly? CompletedOn);
