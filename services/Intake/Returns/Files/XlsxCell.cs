using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mash.Intake.Returns.Files;

/// <summary>A value as a cell: a whole number (an age, a count) as a number, anything else as text, kept exactly (a code like 01 stays text).</summary>
public static partial class XlsxCell
{
    public static Cell Of(string value) => IsWholeNumber(value)
        ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(value) }
        : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) };

    public static bool IsWholeNumber(string value) => WholeNumber().IsMatch(value);

    [GeneratedRegex("^(0|[1-9][0-9]{0,8})$")]
    private static partial Regex WholeNumber();
}
