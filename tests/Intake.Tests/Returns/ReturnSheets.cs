using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mash.Intake.Tests.Returns;

/// <summary>Returns read back as a spreadsheet or a CSV reader would read them.</summary>
internal static class ReturnSheets
{
    /// <summary>The first sheet's cells, row by row, as text (OpenXml reading the file).</summary>
    public static List<List<string>> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(TextOf).ToList())];
    }

    private static string TextOf(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.Text!.Text : cell.CellValue?.Text ?? "";

    /// <summary>RFC 4180 parsed: quoted fields may hold commas, doubled quotes and line breaks; rows end CRLF.</summary>
    public static List<List<string>> ReadCsv(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        Assert.False(quoted, "The file ends inside a quoted field.");
        Assert.True(row.Count == 0 && field.Length == 0, "The last row does not end with CRLF.");
        return rows;
    }
}
