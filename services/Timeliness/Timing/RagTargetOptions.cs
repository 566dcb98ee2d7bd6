namespace Mash.Timeliness.Timing;

/// <summary>One target per RAG, as text: "4 hours" or "5 working days" (see <see cref="TargetText"/>).</summary>
internal sealed class RagTargetOptions
{
    public string? Red { get; set; }

    public string? Amber { get; set; }

    public string? Green { get; set; }
}
