namespace Mash.Quality.Tests.Definitions;

/// <summary>Indicator files for the tests: a sound one, and the same with one indicator's fields replaced.</summary>
internal static class IndicatorFiles
{
    /// <summary>A file with the given indicators (JSON objects) and Calderdale's two rules.</summary>
    public static string With(params string[] indicators) => WithSettings("", indicators);

    /// <summary>The same, with top-level <paramref name="settings"/> (each followed by a comma): <c>"yearStarts": { "school": 8 },</c>.</summary>
    public static string WithSettings(string settings, params string[] indicators) => $$"""
        {
          "timeZone": "Europe/London", {{settings}}
          "assurance": {
            "trend": { "window": 2, "steadyTolerance": 0 },
            "actionRules": [
              { "name": "watch", "when": { "rag": "amber", "target": "missed" }, "action": "watch-next-quarter", "description": "Watch for next quarter.", "source": "004 §4.1.2" },
              { "name": "audit", "when": { "rag": "red", "target": "missed", "trend": "negative" }, "action": "perform-audit", "description": "Perform audit.", "source": "004 §4.1.2" }
            ]
          },
          "indicators": [ {{string.Join(",", indicators)}} ]
        }
        """;

    /// <summary>An indicator of measure <paramref name="measure"/>; <paramref name="fields"/> are added or, named again, win (the last of a repeated JSON key does).</summary>
    public static string Indicator(string reference, string measure = "T1", string fields = "") => $$"""
        {
          "reference": "{{reference}}", "name": "Indicator {{reference}}", "measure": "{{measure}}", "agency": "MASH",
          "polarity": "high", "frequency": "quarterly", "reportingPeriod": "financial", "resultType": "cumulative",
          "unit": "percent", "precision": 1, "narrative": "Narrative of {{reference}}.", "source": "test"
          {{(fields.Length > 0 ? "," + fields : "")}}
        }
        """;
}
