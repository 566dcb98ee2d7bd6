namespace Mash.Quality.Audits;

/// <summary>An action's RAG in the plan (004 Appendix 4's "RAG" column).</summary>
internal enum ActionRag { Green, Amber, Red }
