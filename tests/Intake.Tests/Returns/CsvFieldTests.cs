using Mash.Intake.Returns.Files;

namespace Mash.Intake.Tests.Returns;

public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("WBRI", "WBRI")]
    [InlineData("", "")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hello\"", "\"say \"\"hello\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void A_field_is_quoted_only_when_it_must_be(string value, string expected) => Assert.Equal(expected, CsvField.Of(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a=b", "a=b")]
    public void A_value_a_spreadsheet_would_run_gets_a_leading_quote(string value, string expected) =>
        Assert.Equal(expected, CsvField.FormulaGuarded(value));

    [Fact]
    public void A_guarded_value_is_still_quoted_when_it_must_be() =>
        Assert.Equal("\"'=1,2\"", CsvField.Of("=1,2"));
}
