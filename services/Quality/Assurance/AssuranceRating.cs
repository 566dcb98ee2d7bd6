using Mash.Quality.Periods;

namespace Mash.Quality.Assurance;

/// <summary>
/// A proposal or agreement of an indicator's rating for a period: the revision (1, 2 … within its
/// stage), the rating and why (narrative, and the sub-group's minute), who from their credentials, when.
/// </summary>
internal sealed record AssuranceRating(
    string Reference,
    PeriodKind Kind,
    DateOnly From,
    string Period,
    RatingStage Stage,
    int Revision,
    AssuranceLevel Rating,
    string Narrative,
    string Minute,
    string ById,
    string ByName,
    DateTimeOffset At);
