using Mash.Quality.Definitions;
using Mash.Quality.Periods;

namespace Mash.Quality.Assurance;

/// <summary>
/// An indicator for a period: its value (at its precision) and those of the trend window, oldest
/// first; how it is judged; the actions proposed. An indicator Quality does not compute yet says
/// why in <see cref="NotComputed"/> and has no value.
/// </summary>
internal sealed record IndicatorAssessment(
    IndicatorDefinition Indicator,
    ReportingPeriod Period,
    double? Value,
    IReadOnlyList<double> Values,
    IndicatorJudgement Judgement,
    IReadOnlyList<ProposedAction> Actions,
    string? NotComputed)
{
    /// <summary>An exception for the board: a Trigger or Unsafe result.</summary>
    public bool IsException => Judgement.Assurance is AssuranceLevel.Trigger or AssuranceLevel.Unsafe;
}
