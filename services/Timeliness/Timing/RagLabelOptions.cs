using Mash.Contracts.Common.V1;

namespace Mash.Timeliness.Timing;

/// <summary>What the partnership calls each RAG (Staffordshire's Green is "Blue"), under <c>Timeliness:Labels</c>: shown with its target.</summary>
internal sealed class RagLabelOptions
{
    public string Red { get; set; } = "Red";

    public string Amber { get; set; } = "Amber";

    public string Green { get; set; } = "Green";

    public IReadOnlyDictionary<Rag, string> ByRag => new Dictionary<Rag, string> { [Rag.Red] = Red, [Rag.Amber] = Amber, [Rag.Green] = Green };
}
