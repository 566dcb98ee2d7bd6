using Mash.Quality.Definitions;

namespace Mash.Quality.Assurance;

/// <summary>Target met or missed: better than or equal to the target, "better" being higher or lower as the indicator's polarity says.</summary>
internal static class TargetRule
{
    public static TargetResult Judge(double value, IndicatorTarget? target, Polarity polarity) => (target, polarity) switch
    {
        (null, _) or (_, Polarity.Context) => TargetResult.NoTarget,
        ({ } t, Polarity.High) => value >= t.Value ? TargetResult.Met : TargetResult.Missed,
        ({ } t, _) => value <= t.Value ? TargetResult.Met : TargetResult.Missed,
    };
}
