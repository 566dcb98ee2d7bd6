using DocumentFormat.OpenXml.Spreadsheet;
using Mash.Intake.Returns.Files;

namespace Mash.Intake.Tests.Returns;

public sealed class XlsxCellTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("12", true)]
    [InlineData("01", false)]
    [InlineData("3A", false)]
    [InlineData("-1", false)]
    [InlineData("", false)]
    [InlineData("1234567890", false)]
    public void Only_a_plain_whole_number_is_a_number(string value, bool number)
    {
        Assert.Equal(number, XlsxCell.IsWholeNumber(value));
        Assert.Equal(number ? CellValues.Number : CellValues.InlineString, XlsxCell.Of(value).DataType!.Value);
    }

    [Fact]
    public void Text_is_never_a_formula() => Assert.Null(XlsxCell.Of("=SUM(A1)").CellFormula);
}
