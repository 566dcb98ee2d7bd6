using System.Globalization;
using Mash.Contracts.Quality.V1;

namespace Mash.Board.Components.Shared;

/// <summary>An indicator's figures in the words of its unit and precision.</summary>
public static class IndicatorFormat
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Value(double? value, IndicatorDefinition? definition) => value is { } v ? Number(v, definition) : "No data";

    public static string Number(double value, IndicatorDefinition? definition)
    {
        var number = value.ToString($"N{definition?.Precision ?? 0}", English);
        return definition?.Unit switch
        {
            "percent" => $"{number}%",
            "rate-per-10000" => $"{number} per 10,000",
            _ => number,
        };
    }

    /// <summary>The target's value and whether it was met, or that there is none.</summary>
    public static string Target(IndicatorAssurance assurance, IndicatorDefinition? definition) =>
        definition?.Target is { } target
            ? $"{Number(target.Value, definition)} ({assurance.Target switch { "met" => "met", "missed" => "missed", _ => "not judged" }})"
            : "No target";

    public static IEnumerable<string> Comparators(IndicatorDefinition? definition) =>
        definition?.Comparators.Select(c => $"{ComparatorName(c.Kind)}: {Number(c.Value, definition)}") ?? [];

    public static string ComparatorName(string kind) => kind switch
    {
        "england" => "England",
        "statistical-neighbours" => "Statistical neighbours",
        "regional" => "Region",
        "local" => "Local",
        _ => kind,
    };

    public static string Trend(string trend) => trend switch
    {
        "positive" => "Improving",
        "negative" => "Worsening",
        "steady" => "Steady",
        _ => "Not known",
    };
}
