using Mash.Contracts.Common.V1;

namespace Mash.Timeliness.Timing;

/// <summary>The targets a partnership set, one per RAG, for contacts received on or after <paramref name="From"/> (its local date).</summary>
internal sealed record TargetSet(DateOnly From, IReadOnlyDictionary<Rag, Target> ByRag)
{
    /// <summary>The first set applies to every contact received before any change.</summary>
    public static readonly DateOnly Always = DateOnly.MinValue;

    public static TargetSet Of(DateOnly from, RagTargetOptions options) => new(from, new Dictionary<Rag, Target>
    {
        [Rag.Red] = TargetText.Parse(options.Red)!,
        [Rag.Amber] = TargetText.Parse(options.Amber)!,
        [Rag.Green] = TargetText.Parse(options.Green)!,
    });

    /// <summary>The set in force on <paramref name="day"/>: the latest one starting on or before it (sets sorted by From).</summary>
    public static TargetSet InForce(IReadOnlyList<TargetSet> sets, DateOnly day) => sets.Last(set => set.From <= day);
}
