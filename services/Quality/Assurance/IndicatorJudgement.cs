namespace Mash.Quality.Assurance;

/// <summary>An indicator's period judged: target, trend, RAG and where that puts it on the continuum.</summary>
internal sealed record IndicatorJudgement(TargetResult Target, Trend Trend, RagRating Rag, AssuranceLevel Assurance);
