namespace Mash.Quality.Assurance;

/// <summary>What became of a proposal or agreement.</summary>
internal abstract record RecordRatingResult
{
    private RecordRatingResult() { }

    /// <summary>Recorded now, or by this same request earlier.</summary>
    public sealed record Recorded(AssuranceRating Rating) : RecordRatingResult;

    /// <summary>A rule refused it; nothing was recorded.</summary>
    public sealed record Refused(string Reason) : RecordRatingResult;
}
