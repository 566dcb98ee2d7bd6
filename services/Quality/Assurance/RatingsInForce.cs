namespace Mash.Quality.Assurance;

/// <summary>The latest proposal and agreement of each indicator's period, to show beside its computed judgement.</summary>
internal sealed class RatingsInForce(IEnumerable<AssuranceRating> ratings)
{
    public static readonly RatingsInForce None = new([]);

    private readonly Dictionary<(string, DateOnly, RatingStage), AssuranceRating> latest =
        ratings.ToDictionary(r => (r.Reference, r.From, r.Stage));

    public AssuranceRating? Of(IndicatorAssessment assessment, RatingStage stage) =>
        latest.GetValueOrDefault((assessment.Indicator.Reference, assessment.Period.From, stage));
}
