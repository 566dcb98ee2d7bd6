namespace Mash.Quality.Definitions;

/// <summary>What good looks like (Calderdale §4.1.3): a high result, a low one, or neither (a volume the board watches as context, never judged).</summary>
internal enum Polarity { High, Low, Context }

/// <summary>The year an indicator's quarters and year to date count in.</summary>
internal enum ReportingYear { Financial, School, Calendar }

internal enum ResultType { Cumulative, Average, Snapshot }

internal enum Unit { Number, Percent, RatePer10000 }

/// <summary>The population a rate per 10,000 is of.</summary>
internal enum Population { Child, Adult }

/// <summary>Calderdale's comparators (§4.1.1); a target's type names one of them.</summary>
internal enum ComparatorKind { England, StatisticalNeighbours, Regional, Local }

/// <summary>
/// The words the indicator file uses for each enum, and the letters of Calderdale's target types
/// (E, SN, R, L). Kept in one place so the file, the validator's messages and the gRPC messages agree.
/// </summary>
internal static class IndicatorWords
{
    public static readonly IReadOnlyDictionary<string, Polarity> Polarities = Words<Polarity>(("high", Polarity.High), ("low", Polarity.Low), ("context", Polarity.Context));

    public static readonly IReadOnlyDictionary<string, ReportingYear> ReportingYears =
        Words<ReportingYear>(("financial", ReportingYear.Financial), ("school", ReportingYear.School), ("calendar", ReportingYear.Calendar));

    public static readonly IReadOnlyDictionary<string, ResultType> ResultTypes =
        Words<ResultType>(("cumulative", ResultType.Cumulative), ("average", ResultType.Average), ("snapshot", ResultType.Snapshot));

    public static readonly IReadOnlyDictionary<string, Unit> Units = Words<Unit>(("number", Unit.Number), ("percent", Unit.Percent), ("rate-per-10000", Unit.RatePer10000));

    public static readonly IReadOnlyDictionary<string, Population> Populations = Words<Population>(("child", Population.Child), ("adult", Population.Adult));

    public static readonly IReadOnlyDictionary<string, ComparatorKind> ComparatorKinds = Words<ComparatorKind>(
        ("england", ComparatorKind.England), ("statistical-neighbours", ComparatorKind.StatisticalNeighbours),
        ("regional", ComparatorKind.Regional), ("local", ComparatorKind.Local));

    /// <summary>Calderdale's target types: All England, statistical neighbours, regional, locally set.</summary>
    public static readonly IReadOnlyDictionary<string, ComparatorKind> TargetTypes = Words<ComparatorKind>(
        ("E", ComparatorKind.England), ("SN", ComparatorKind.StatisticalNeighbours), ("R", ComparatorKind.Regional), ("L", ComparatorKind.Local));

    public static readonly IReadOnlyList<string> Frequencies = ["monthly", "quarterly", "six-monthly", "annually"];

    /// <summary>The file's word for <paramref name="value"/>.</summary>
    public static string Of<T>(IReadOnlyDictionary<string, T> words, T value) where T : struct, Enum =>
        words.First(w => w.Value.Equals(value)).Key;

    /// <summary>The list of words, for a message saying what may be written.</summary>
    public static string Choices<T>(IReadOnlyDictionary<string, T> words) => string.Join(", ", words.Keys.Select(k => $"\"{k}\""));

    /// <summary>A word for each value, matched exactly as written.</summary>
    public static Dictionary<string, T> Words<T>(params (string Word, T Value)[] words) where T : struct, Enum =>
        words.ToDictionary(w => w.Word, w => w.Value, StringComparer.Ordinal);
}
