using System.Text;

namespace Mash.Intake.Returns.Files;

/// <summary>RFC 4180: UTF-8 (no byte-order mark), CRLF after every row, a header row first.</summary>
public sealed class CsvReturnFile : IReturnFile
{
    public string Extension => "csv";

    public string ContentType => "text/csv; charset=utf-8";

    public byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(headers))
        {
            text.AppendJoin(',', row.Select(CsvField.Of)).Append("\r\n");
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }
}
