using DocumentFormat.OpenXml.Packaging;
using Mash.Intake.Returns.Files;

namespace Mash.Intake.Tests.Returns;

public sealed class XlsxReturnFileTests
{
    [Fact]
    public void One_sheet_with_the_header_row_and_the_rows_reads_back_as_written()
    {
        string[] headers = ["Child Unique ID", "Age", "Source", "Note"];
        string[][] rows = [["abc", "7", "3A", "=1+1"], ["def", "", "10", " spaced "]];

        var content = new XlsxReturnFile().Write(headers, rows);

        Assert.Equal<IEnumerable<string>>([headers, .. rows], ReturnSheets.ReadXlsx(content));
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        Assert.Equal(XlsxReturnFile.SheetName, Assert.Single(document.WorkbookPart!.Workbook.Sheets!.ChildElements).GetAttribute("name", "").Value);
    }

    [Fact]
    public void The_file_is_valid_Open_XML()
    {
        var content = new XlsxReturnFile().Write(["A"], [["1"], ["x"]]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
    }
}
