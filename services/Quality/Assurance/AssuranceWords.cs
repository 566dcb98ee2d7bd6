using static Mash.Quality.Definitions.IndicatorWords;

namespace Mash.Quality.Assurance;

/// <summary>Whether the result is better than or equal to its target (Calderdale §4.1.2), or there is nothing to judge it by.</summary>
internal enum TargetResult { Met, Missed, NoTarget }

/// <summary>The trend / trajectory over the window, in the direction of what good looks like.</summary>
internal enum Trend { Positive, Steady, Negative, Unknown }

/// <summary>Calderdale's assurance continuum: Safe (assured), Trigger (exception), Unsafe (not assured).</summary>
internal enum AssuranceLevel { Safe, Trigger, Unsafe, NotAssessed }

/// <summary>The indicator's RAG rating for the period (its thresholds, or the continuum's colour).</summary>
internal enum RagRating { Green, Amber, Red, None }

/// <summary>The words the indicator file and the gRPC messages use for the assurance enums.</summary>
internal static class AssuranceWords
{
    public static readonly IReadOnlyDictionary<string, TargetResult> TargetResults =
        Words(("met", TargetResult.Met), ("missed", TargetResult.Missed), ("no-target", TargetResult.NoTarget));

    public static readonly IReadOnlyDictionary<string, Trend> Trends =
        Words(("positive", Trend.Positive), ("steady", Trend.Steady), ("negative", Trend.Negative), ("unknown", Trend.Unknown));

    public static readonly IReadOnlyDictionary<string, AssuranceLevel> Assurances =
        Words(("safe", AssuranceLevel.Safe), ("trigger", AssuranceLevel.Trigger), ("unsafe", AssuranceLevel.Unsafe), ("not-assessed", AssuranceLevel.NotAssessed));

    public static readonly IReadOnlyDictionary<string, RagRating> Rags =
        Words(("green", RagRating.Green), ("amber", RagRating.Amber), ("red", RagRating.Red), ("none", RagRating.None));
}
