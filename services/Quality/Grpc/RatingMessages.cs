using Google.Protobuf.WellKnownTypes;
using Mash.Quality.Assurance;
using Mash.Quality.Definitions;
using Decision = Mash.Contracts.Quality.V1.RatingDecision;

namespace Mash.Quality.Grpc;

/// <summary>Ratings as mash.quality.v1.RatingDecision, and the watch list, in the continuum's words.</summary>
internal static class RatingMessages
{
    /// <param name="withWho">Whether to name who decided: in the audited history and the decider's own answer, not in the assurance report.</param>
    public static Decision ToMessage(AssuranceRating rating, bool withWho) => new()
    {
        Reference = rating.Reference,
        Period = rating.Period,
        Stage = IndicatorWords.Of(RatingWords.Stages, rating.Stage),
        Revision = rating.Revision,
        Rating = IndicatorWords.Of(RatingWords.Ratings, rating.Rating),
        Narrative = rating.Narrative,
        Minute = rating.Minute,
        DecidedById = withWho ? rating.ById : "",
        DecidedByName = withWho ? rating.ByName : "",
        DecidedAt = Timestamp.FromDateTimeOffset(rating.At),
    };

    public static Contracts.Quality.V1.IndicatorWatch ToMessage(IndicatorWatch watch) => new()
    {
        Reference = watch.Reference, Period = watch.Period, Rule = watch.Rule, Description = watch.Description, RaisedAt = Timestamp.FromDateTimeOffset(watch.RaisedAt),
    };
}
