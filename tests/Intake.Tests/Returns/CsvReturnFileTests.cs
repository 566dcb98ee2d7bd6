using System.Text;
using Mash.Intake.Returns.Files;

namespace Mash.Intake.Tests.Returns;

public sealed class CsvReturnFileTests
{
    [Fact]
    public void A_header_then_each_row_each_ending_CRLF_in_UTF_8_without_a_byte_order_mark()
    {
        var content = new CsvReturnFile().Write(["A", "B"], [["1", "x, y"], ["Zoë", "=2"]]);

        Assert.Equal("A,B\r\n1,\"x, y\"\r\nZoë,'=2\r\n", Encoding.UTF8.GetString(content));
        Assert.NotEqual(0xEF, content[0]);
    }

    [Fact]
    public void An_RFC_4180_reader_gets_the_values_back()
    {
        string[][] rows = [["a \"quoted\" word", "line\r\nbreak", "comma, here", ""]];

        var read = ReturnSheets.ReadCsv(new CsvReturnFile().Write(["1", "2", "3", "4"], rows));

        Assert.Equal(rows[0], read[1]);
    }
}
