using Mash.Quality.Periods;
using Mash.ServiceDefaults;

namespace Mash.Quality.Assurance;

/// <summary>A rating to record: the client's request id, the indicator's period, the stage, the rating and why, and the caller who gives it.</summary>
internal sealed record NewRating(
    Guid RequestId, string Reference, ReportingPeriod Period, RatingStage Stage, AssuranceLevel Rating, string Narrative, string Minute, Caller By);
