using Mash.Contracts.Common.V1;

namespace Mash.Triage.Risk;

/// <summary>
/// The partnership's RAG scheme: its labels (the shared vocabulary's <c>ragLabels</c>, so
/// Staffordshire's "Blue" is one setting for the whole platform) and how long each level gives the
/// MASH to decide, which orders the queue.
/// </summary>
internal sealed class RagScheme(IReadOnlyDictionary<string, string> labels, QueueTimingOptions timing)
{
    public static readonly Rag[] Levels = [Rag.Red, Rag.Amber, Rag.Green];

    public QueueTimingOptions Timing => timing;

    /// <summary>The partnership's word for a level ("Blue"); empty for not rated.</summary>
    public string LabelOf(Rag rag) =>
        rag == Rag.Unspecified ? "" : labels.TryGetValue(EnumName(rag), out var label) ? label : rag.ToString();

    /// <summary>How long from receipt the MASH has to decide a contact of this RAG (an unrated one: the screening target).</summary>
    public TimeSpan TargetOf(Rag rag) => rag switch
    {
        Rag.Red => timing.Red,
        Rag.Amber => timing.Amber,
        Rag.Green => timing.Green,
        _ => timing.Unrated,
    };

    public DateTimeOffset DueAt(DateTimeOffset receivedAt, Rag rag) => receivedAt + TargetOf(rag);

    private static string EnumName(Rag rag) => $"RAG_{rag.ToString().ToUpperInvariant()}";
}
