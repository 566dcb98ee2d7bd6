using Mash.Importer.Csv;

namespace Mash.Importer.Tests;

public sealed class CsvFileTests
{
    private static IReadOnlyList<CsvRow> Parse(string text) => CsvFile.Parse("test.csv", new StringReader(text));

    [Fact]
    public void Columns_are_named_by_the_header_whatever_its_case()
    {
        var row = Assert.Single(Parse("Contact_ID,Agency_Id\nC-1,police-west\n"));

        Assert.Equal("C-1", row["contact_id"]);
        Assert.Equal("police-west", row["agency_id"]);
    }

    [Fact]
    public void A_quoted_field_keeps_its_commas_quotes_and_line_breaks()
    {
        var rows = Parse("id,answer\n1,\"Two, \"\"quoted\"\"\nlines\"\n2,plain\n");

        Assert.Equal("Two, \"quoted\"\nlines", rows[0]["answer"]);
        Assert.Equal("plain", rows[1]["answer"]);
    }

    [Fact]
    public void Each_row_has_the_line_it_starts_on()
    {
        var rows = Parse("id,answer\n1,\"a\nb\"\n2,c\r\n\n3,d");

        Assert.Equal([2, 4, 6], rows.Select(r => r.Line));
    }

    [Fact]
    public void A_missing_column_reads_as_blank() =>
        Assert.Equal("", Assert.Single(Parse("id,answer\n1\n"))["answer"]);

    [Fact]
    public void An_empty_file_has_no_rows() => Assert.Empty(Parse(""));
}
