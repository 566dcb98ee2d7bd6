namespace Mash.Quality.Assurance;

/// <summary>
/// Calderdale's assurance continuum (seed 004 §4.1.2): met with a positive or steady trend is Safe;
/// met but negative, or missed but positive, is a Trigger exception; missed and negative or steady
/// is Unsafe. Without a target or a trend there is nothing to place.
/// </summary>
internal static class AssuranceContinuum
{
    public static AssuranceLevel Place(TargetResult target, Trend trend) => (target, trend) switch
    {
        (TargetResult.NoTarget, _) or (_, Trend.Unknown) => AssuranceLevel.NotAssessed,
        (TargetResult.Met, Trend.Positive or Trend.Steady) => AssuranceLevel.Safe,
        (TargetResult.Met, Trend.Negative) => AssuranceLevel.Trigger,
        (TargetResult.Missed, Trend.Positive) => AssuranceLevel.Trigger,
        _ => AssuranceLevel.Unsafe,
    };
}
