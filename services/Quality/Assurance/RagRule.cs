using Mash.Quality.Definitions;

namespace Mash.Quality.Assurance;

/// <summary>
/// The period's RAG: by the indicator's thresholds when it has them; otherwise the colour the
/// continuum gives (Calderdale §4.1.3's trigger points: Safe Green, Trigger Amber, Unsafe Red).
/// </summary>
internal static class RagRule
{
    public static RagRating ByThresholds(double value, RagThresholds thresholds, Polarity polarity) => polarity switch
    {
        Polarity.High => value >= thresholds.Green ? RagRating.Green : value < thresholds.Red ? RagRating.Red : RagRating.Amber,
        Polarity.Low => value <= thresholds.Green ? RagRating.Green : value > thresholds.Red ? RagRating.Red : RagRating.Amber,
        _ => RagRating.None,
    };

    public static RagRating ByContinuum(AssuranceLevel assurance) => assurance switch
    {
        AssuranceLevel.Safe => RagRating.Green,
        AssuranceLevel.Trigger => RagRating.Amber,
        AssuranceLevel.Unsafe => RagRating.Red,
        _ => RagRating.None,
    };

    public static RagRating Rate(double value, RagThresholds? thresholds, Polarity polarity, AssuranceLevel assurance) =>
        thresholds is null ? ByContinuum(assurance) : ByThresholds(value, thresholds, polarity);
}
