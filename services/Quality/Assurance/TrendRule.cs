using Mash.Quality.Definitions;

namespace Mash.Quality.Assurance;

/// <summary>
/// The trend over the window: the latest value against the one <c>Window − 1</c> periods before it.
/// A change within the tolerance is steady; otherwise positive when it moves the way good looks
/// like. Fewer values than the window, or a context indicator, is unknown: no trend is guessed.
/// </summary>
internal static class TrendRule
{
    /// <param name="values">The indicator's values, one per period, oldest first, the period judged last.</param>
    public static Trend Judge(IReadOnlyList<double> values, Polarity polarity, TrendSettings settings)
    {
        if (polarity == Polarity.Context || values.Count < settings.Window)
        {
            return Trend.Unknown;
        }
        var change = values[^1] - values[^settings.Window];
        if (Math.Abs(change) <= settings.SteadyTolerance)
        {
            return Trend.Steady;
        }
        return (change > 0) == (polarity == Polarity.High) ? Trend.Positive : Trend.Negative;
    }
}
