using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mash.Intake.Returns.Files;

/// <summary>
/// One plain sheet: the header row, then a row each, written element by element (OpenXmlWriter) so
/// a year's rows are not first built as a document tree. Whole numbers are numbers; the rest is text
/// (inline strings, so no formula is ever written and none needs guarding).
/// </summary>
public sealed class XlsxReturnFile : IReturnFile
{
    public const string SheetName = "Return";

    public string Extension => "xlsx";

    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                foreach (var row in rows.Prepend(headers))
                {
                    writer.WriteStartElement(new Row());
                    foreach (var value in row)
                    {
                        writer.WriteElement(XlsxCell.Of(value));
                    }
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName }));
        }
        return stream.ToArray();
    }
}
