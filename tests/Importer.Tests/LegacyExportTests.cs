using Mash.Importer.Export;
using Mash.Importer.Replay;

namespace Mash.Importer.Tests;

/// <summary>The sample export (tools/Importer/sample) as the importer reads it: bad rows reported with file, line and reason, the rest in time order.</summary>
public sealed class LegacyExportTests
{
    private static readonly LegacyExport Sample = LegacyExport.ReadFolder(Path.Combine(AppContext.BaseDirectory, "sample"));

    [Fact]
    public void A_row_with_a_bad_column_is_reported_with_its_line_and_column()
    {
        var problem = Assert.Single(Sample.Problems, p => p.File == "contacts.csv");

        Assert.Equal(5, problem.Line);
        Assert.StartsWith("received_at:", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rating_of_a_contact_not_in_the_export_is_reported() =>
        Assert.Contains(Sample.Problems, p => p is { File: "ratings.csv", Line: 6 } && p.Reason.Contains("C-1009", StringComparison.Ordinal));

    [Fact]
    public void Only_those_rows_are_left_out() => Assert.Equal(2, Sample.Problems.Count);

    [Fact]
    public void The_rest_replay_in_time_order()
    {
        Assert.Equal(Sample.Steps.OrderBy(s => s.At), Sample.Steps.AsEnumerable(), ReferenceEqualityComparer.Instance);
        Assert.Equal(17, Sample.Steps.Count);
    }

    [Fact]
    public void An_answer_belongs_to_its_requests_contact() =>
        Assert.Equal("C-1001", Assert.Single(Sample.Steps.OfType<InformationResponseStep>()).ContactId);

    [Fact]
    public void Feedback_goes_to_the_referring_agency_unless_the_row_names_another() =>
        Assert.Equal(["police-west", "st-marys-school"], Sample.Steps.OfType<FeedbackStep>().Select(f => f.AgencyId));

    [Fact]
    public void At_one_instant_a_contact_is_received_before_it_is_rated()
    {
        var at = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
        ImportStep rating = new RatingStep("ratings.csv", 2, at, "C-1", Contracts.Common.V1.Rag.Red, "");
        ImportStep contact = new ContactStep("contacts.csv", 9, at, "C-1", null!);

        Assert.Equal([contact, rating], LegacyExport.InTimeOrder([rating, contact]));
    }

    [Fact]
    public void A_folder_without_contacts_is_refused() =>
        Assert.Throws<FileNotFoundException>(() => LegacyExport.ReadFolder(Path.GetTempPath()));

    [Fact]
    public void A_missing_file_is_an_empty_one()
    {
        var export = LegacyExport.Read(file => file == ContactRows.File ? new StringReader("contact_id,received_at,agency_id,referral_source,contact_type,child_id\nC-1,2025-01-01T09:00:00Z,police-west,5A,concern,P-1\n") : null);

        Assert.IsType<ContactStep>(Assert.Single(export.Steps));
        Assert.Empty(export.Problems);
    }
}
