using Mash.Contracts.Intake.V1;
using Mash.Importer.Csv;
using Mash.Importer.Export;
using Mash.Importer.Replay;

namespace Mash.Importer.Tests;

public sealed class ContactRowsTests
{
    private const string Header = "contact_id,received_at,agency_id,referral_source,contact_type,pathway,presenting_issues,child_id,given_name,family_name,date_of_birth,gender,postcode,nhs_number";

    private static Parsed<ContactStep> Parse(string line) => ContactRows.Parse(CsvFile.Parse("contacts.csv", new StringReader($"{Header}\n{line}\n"))[0]);

    [Fact]
    public void A_full_row_becomes_Intakes_contact_at_its_original_time()
    {
        var step = Parse("C-1,2025-04-02T09:15:00Z,police-west,5A,concern,,neglect;cse,P-1,Amelia,Example,2016-03-01,female,WS1 1AA,943 476 5919").Record!;

        var request = ContactRequests.For(step, ["0196b196-4ee0-7dcf-ba41-74856be5629b"]);

        Assert.Equal("legacy-import:C-1", request.RequestId);
        Assert.Equal(new DateTimeOffset(2025, 4, 2, 9, 15, 0, TimeSpan.Zero), request.ReceivedAt.ToDateTimeOffset());
        Assert.Equal("police-west", request.Contact.Agency.OrganisationId);
        Assert.Equal(["neglect", "cse"], request.Contact.PresentingIssues);
        var subject = Assert.Single(request.Contact.Subjects);
        Assert.Equal(("9434765919", "WS1 1AA", SubjectKind.Child), (subject.NhsNumber, subject.Address.Postcode, subject.Kind));
        Assert.Equal(new Date { Year = 2016, Month = 3, Day = 1 }, subject.DateOfBirth);
        Assert.Equal(["0196b196-4ee0-7dcf-ba41-74856be5629b"], request.EarlierDecidedIds);
    }

    [Fact]
    public void Every_column_at_fault_is_named_at_once()
    {
        var problem = Parse(",yesterday,,5A,concern,,,P-1,,,1 March,,,").Problem!;

        Assert.Equal(2, problem.Line);
        foreach (var column in new[] { "contact_id", "received_at", "agency_id", "date_of_birth" })
        {
            Assert.Contains($"{column}:", problem.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_request_id_depends_on_the_legacy_id_alone() =>
        Assert.Equal(ContactRequests.RequestIdFor("C-1"), ContactRequests.RequestIdFor("C-1"));
}
