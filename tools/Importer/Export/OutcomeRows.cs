using Mash.Importer.Csv;
using Mash.Importer.Replay;

namespace Mash.Importer.Export;

/// <summary>
/// outcomes.csv: a contact's outcome, and when it was fed back to the referring agency (or to the
/// agency named): one row, one or two steps.
/// </summary>
internal static class OutcomeRows
{
    public const string File = "outcomes.csv";

    public static Parsed<OutcomeRow> Parse(CsvRow row)
    {
        var read = new RowReader(row);
        var contactId = read.Column("contact_id", FieldRules.Required);
        var outcome = new OutcomeStep(row.File, row.Line, read.Column("recorded_at", FieldRules.Instant), contactId,
            read.Column("outcome", FieldRules.Required), FieldRules.List(read.Text("onward_agency_ids")));
        var fedBackAt = read.Optional("fed_back_at", FieldRules.Instant);
        return read.Result(new OutcomeRow(outcome, fedBackAt, read.Text("feedback_agency_id")));
    }
}

/// <summary>An outcome row: the outcome, and the feedback when the row says it was given.</summary>
internal sealed record OutcomeRow(OutcomeStep Outcome, DateTimeOffset? FedBackAt, string FeedbackAgencyId);
