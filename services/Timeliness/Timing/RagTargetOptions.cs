namespace Mash.Timeliness.Timing;

/// <summary>One target per RAG, as text: "4 hours", "5 working days" or "none" (see <see cref="TargetText"/>).</summary>
internal class RagTargetOptions
{
    public string? Red { get; set; }

    public string? Amber { get; set; }

    public string? Green { get; set; }
}

/// <summary>A change of targets: the set for contacts received on or after <see cref="From"/> (the partnership's local date).</summary>
internal sealed class TargetChangeOptions : RagTargetOptions
{
    public DateOnly? From { get; set; }
}
