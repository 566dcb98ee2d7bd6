namespace Mash.Intake.Returns.Files;

/// <summary>One CSV field as RFC 4180 writes it, made safe to open in a spreadsheet.</summary>
public static class CsvField
{
    private static readonly char[] NeedQuotes = [',', '"', '\r', '\n'];

    public static string Of(string value) => Quoted(FormulaGuarded(value));

    /// <summary>
    /// A value a spreadsheet would run as a formula (starting =, +, - or @) gets a leading single quote,
    /// so opening the file runs nothing (CSV injection); the quote shows, the value is otherwise kept.
    /// </summary>
    public static string FormulaGuarded(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;

    /// <summary>In double quotes, its own quotes doubled, when it holds a comma, a quote or a line break.</summary>
    public static string Quoted(string value) =>
        value.IndexOfAny(NeedQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
