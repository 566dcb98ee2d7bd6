using Mash.Importer.Csv;
using Mash.Importer.Replay;

namespace Mash.Importer.Export;

/// <summary>decisions.csv: the threshold decision (a referral or not), once a contact.</summary>
internal static class DecisionRows
{
    public const string File = "decisions.csv";

    public static Parsed<DecisionStep> Parse(CsvRow row)
    {
        var read = new RowReader(row);
        return read.Result(new DecisionStep(row.File, row.Line, read.Column("decided_at", FieldRules.Instant), read.Column("contact_id", FieldRules.Required),
            read.Column("threshold_met", FieldRules.YesNo), read.Text("rationale")));
    }
}
