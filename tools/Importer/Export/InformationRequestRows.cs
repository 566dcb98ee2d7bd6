using Mash.Importer.Csv;
using Mash.Importer.Replay;

namespace Mash.Importer.Export;

/// <summary>information_requests.csv: what the MASH asked a partner agency, and when.</summary>
internal static class InformationRequestRows
{
    public const string File = "information_requests.csv";

    public static Parsed<InformationRequestStep> Parse(CsvRow row)
    {
        var read = new RowReader(row);
        return read.Result(new InformationRequestStep(row.File, row.Line, read.Column("requested_at", FieldRules.Instant), read.Column("contact_id", FieldRules.Required),
            read.Column("request_id", FieldRules.Required), read.Column("agency_id", FieldRules.Required), read.Column("question", FieldRules.Required),
            read.Optional("due_at", FieldRules.Instant)));
    }
}
