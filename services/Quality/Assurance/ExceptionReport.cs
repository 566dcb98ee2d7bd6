namespace Mash.Quality.Assurance;

/// <summary>Calderdale's exception report: every indicator whose period is a Trigger or Unsafe, with its narrative and proposed actions.</summary>
internal static class ExceptionReport
{
    public static IReadOnlyList<IndicatorAssessment> Of(IEnumerable<IndicatorAssessment> assessments) =>
        [.. assessments.Where(a => a.IsException)];
}
