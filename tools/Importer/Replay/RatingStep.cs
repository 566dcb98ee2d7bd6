using Mash.Contracts.Common.V1;

namespace Mash.Importer.Replay;

/// <summary>A rating or re-rating (ratings.csv).</summary>
internal sealed record RatingStep(string File, int Line, DateTimeOffset At, string ContactId, Rag Rag, string Reason) : ImportStep(File, Line, At, ContactId)
{
    public override int Rank => 1;

    public override string Key => $"rating:{ContactId}:{At:O}";
}
