using Mash.Importer.Csv;
using Mash.Importer.Replay;

namespace Mash.Importer.Export;

/// <summary>information_responses.csv: an agency's answer to a request, and when; its contact is its request's.</summary>
internal static class InformationResponseRows
{
    public const string File = "information_responses.csv";

    public static Parsed<InformationResponseStep> Parse(CsvRow row)
    {
        var read = new RowReader(row);
        return read.Result(new InformationResponseStep(row.File, row.Line, read.Column("answered_at", FieldRules.Instant), "",
            read.Column("request_id", FieldRules.Required), read.Column("answer", FieldRules.Required)));
    }
}
