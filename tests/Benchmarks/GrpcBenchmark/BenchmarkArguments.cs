using System.Globalization;

namespace GrpcBenchmark;

/// <summary>
/// A benchmark's <c>--name=value</c> options (shared with IntakeBenchmark). Each is read once; a
/// malformed value, or a name no one read, makes the command line invalid.
/// </summary>
internal sealed class BenchmarkArguments(Dictionary<string, string> values)
{
    private bool malformed;

    /// <summary>The options, or null when an argument is not <c>--name=value</c>.</summary>
    public static BenchmarkArguments? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            var parts = arg.Split('=', 2);
            if (parts.Length != 2 || !parts[0].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }
            values[parts[0][2..]] = parts[1];
        }
        return new BenchmarkArguments(values);
    }

    /// <summary>Every value was well formed and every name was read.</summary>
    public bool AllUnderstood => !malformed && values.Count == 0;

    public int Int(string name, int fallback)
    {
        if (!values.Remove(name, out var text))
        {
            return fallback;
        }
        malformed |= !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        return value;
    }

    /// <summary>A share from 0 to 1, e.g. <c>0.1</c>.</summary>
    public double Share(string name)
    {
        if (!values.Remove(name, out var text))
        {
            return 0;
        }
        malformed |= !double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 1;
        return value;
    }

    public string? Text(string name) => values.Remove(name, out var text) ? text : null;
}
