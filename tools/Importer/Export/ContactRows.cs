using Mash.Importer.Csv;
using Mash.Importer.Replay;

namespace Mash.Importer.Export;

/// <summary>contacts.csv: a contact and its child, one a line (README.md, "contacts.csv").</summary>
internal static class ContactRows
{
    public const string File = "contacts.csv";

    public static Parsed<ContactStep> Parse(CsvRow row)
    {
        var read = new RowReader(row);
        var contactId = read.Column("contact_id", FieldRules.Required);
        var receivedAt = read.Column("received_at", FieldRules.Instant);
        var child = new LegacyChild(
            read.Column("child_id", FieldRules.Required), read.Text("given_name"), read.Text("family_name"),
            read.Optional("date_of_birth", FieldRules.Date), read.Text("gender"), read.Text("postcode"), read.Text("nhs_number").Replace(" ", "", StringComparison.Ordinal));
        var contact = new LegacyContact(
            read.Column("agency_id", FieldRules.Required), read.Column("referral_source", FieldRules.Required), read.Column("contact_type", FieldRules.Required),
            read.Column("pathway", FieldRules.Pathway), FieldRules.List(read.Text("presenting_issues")), read.Text("dash_risk"), read.Text("consent"), child);
        return read.Result(new ContactStep(row.File, row.Line, receivedAt, contactId, contact));
    }
}
