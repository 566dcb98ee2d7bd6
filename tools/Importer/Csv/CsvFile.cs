using System.Text;

namespace Mash.Importer.Csv;

/// <summary>
/// RFC 4180 CSV as spreadsheets and case systems export it: a header line of column names (matched
/// case-insensitively), commas, fields quoted with "" when they hold commas, quotes or line breaks.
/// A row's line number is where it starts, so a problem is reported where a person would look.
/// </summary>
internal static class CsvFile
{
    public static IReadOnlyList<CsvRow> Parse(string file, TextReader reader)
    {
        var records = Records(reader).ToList();
        if (records.Count == 0)
        {
            return [];
        }
        var header = records[0].Fields.Select(name => name.Trim().ToLowerInvariant()).ToArray();
        return [.. records.Skip(1)
            .Where(r => r.Fields.Any(f => f.Length > 0))
            .Select(r => new CsvRow(file, r.Line, header
                .Select((name, i) => (name, value: i < r.Fields.Count ? r.Fields[i] : ""))
                .GroupBy(c => c.name)
                .ToDictionary(g => g.Key, g => g.First().value, StringComparer.OrdinalIgnoreCase)))];
    }

    /// <summary>Each record's fields and the line it starts on.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(TextReader reader)
    {
        var line = 1;
        var start = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                yield return (start, fields);
                fields = [];
                field.Clear();
                start = ++line;
            }
            else
            {
                field.Append(ch);
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return (start, fields);
        }
    }
}
