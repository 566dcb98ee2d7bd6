namespace Mash.Importer.Csv;

/// <summary>One data line of a CSV file: its line number (1 is the header) and its fields by column name.</summary>
internal sealed record CsvRow(string File, int Line, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The column's value, trimmed; empty when the column is absent or blank.</summary>
    public string this[string column] => Fields.TryGetValue(column, out var value) ? value.Trim() : "";
}
