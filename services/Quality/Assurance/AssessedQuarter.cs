namespace Mash.Quality.Assurance;

/// <summary>A quarter's assessments, equal to another when the same rules' actions fall on the same indicators and periods: only a change is acted on again.</summary>
internal sealed record AssessedQuarter(IReadOnlyList<IndicatorAssessment> Assessments)
{
    private string Key { get; } = string.Join(";", Assessments.SelectMany(a => a.Actions.Select(x => $"{a.Indicator.Reference}|{a.Period.From:O}|{x.Action}")));

    public bool Equals(AssessedQuarter? other) => other is not null && Key == other.Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}
