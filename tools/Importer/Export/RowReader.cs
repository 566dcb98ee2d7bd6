using Mash.Importer.Csv;

namespace Mash.Importer.Export;

/// <summary>Reads a row's columns by <see cref="FieldRules"/>, collecting every column at fault, so one report names them all.</summary>
internal sealed class RowReader(CsvRow row)
{
    private readonly List<string> problems = [];

    public CsvRow Row => row;

    public IReadOnlyList<string> Problems => problems;

    public T Column<T>(string column, Func<string, Read<T>> rule)
    {
        var read = rule(row[column]);
        if (!read.Ok)
        {
            problems.Add($"{column}: {read.Problem}");
        }
        return read.Value;
    }

    /// <summary>An optional column: null when blank, else read by its rule.</summary>
    public T? Optional<T>(string column, Func<string, Read<T>> rule) where T : struct =>
        row[column].Length == 0 ? null : Column(column, rule);

    public string Text(string column) => row[column];

    /// <summary>The record, or the row's problem when any column was at fault.</summary>
    public Parsed<TRecord> Result<TRecord>(TRecord record) =>
        problems.Count == 0 ? new Parsed<TRecord>(record, null) : new Parsed<TRecord>(default, new RowProblem(row.File, row.Line, string.Join("; ", problems)));
}

/// <summary>A row read into its record, or the problem that kept it out.</summary>
internal readonly record struct Parsed<T>(T? Record, RowProblem? Problem);
