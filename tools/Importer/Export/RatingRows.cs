using Mash.Importer.Csv;
using Mash.Importer.Replay;

namespace Mash.Importer.Export;

/// <summary>ratings.csv: each rating and re-rating of a contact with its time; a re-rating says why.</summary>
internal static class RatingRows
{
    public const string File = "ratings.csv";

    public static Parsed<RatingStep> Parse(CsvRow row)
    {
        var read = new RowReader(row);
        return read.Result(new RatingStep(row.File, row.Line, read.Column("rated_at", FieldRules.Instant), read.Column("contact_id", FieldRules.Required),
            read.Column("rag", FieldRules.Rag), read.Text("reason")));
    }
}
