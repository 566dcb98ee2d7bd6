using Mash.Quality.Periods;
using static Mash.Quality.Definitions.IndicatorWords;

namespace Mash.Quality.Assurance;

/// <summary>The words the ratings' table and messages use: the stages, the period kinds, and the three ratings a person may give.</summary>
internal static class RatingWords
{
    public static readonly IReadOnlyDictionary<string, RatingStage> Stages = Words(("proposed", RatingStage.Proposed), ("agreed", RatingStage.Agreed));

    public static readonly IReadOnlyDictionary<string, PeriodKind> PeriodKinds =
        Words(("month", PeriodKind.Month), ("quarter", PeriodKind.Quarter), ("year-to-date", PeriodKind.YearToDate),
            ("rolling-year", PeriodKind.RollingYear));

    /// <summary>A person rates on the continuum: "not-assessed" is the computation's word for having nothing to place, never a rating.</summary>
    public static readonly IReadOnlyDictionary<string, AssuranceLevel> Ratings =
        Words(("safe", AssuranceLevel.Safe), ("trigger", AssuranceLevel.Trigger), ("unsafe", AssuranceLevel.Unsafe));
}
