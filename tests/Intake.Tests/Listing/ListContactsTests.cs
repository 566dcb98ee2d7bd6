using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Grpc.Core;
using Google.Rpc;

namespace Mash.Intake.Tests.Listing;

/// <summary>ListContacts: an agency's own contacts, newest first, page by page without gaps or repeats; never another's.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ListContactsTests(IntakeDatabase database)
{
    private readonly IntakeUnderTest intake = new(database);

    // Each test lists an agency of its own, so contacts other tests store do not show.
    private readonly string agency = $"agency-{Guid.NewGuid():N}";

    /// <summary>Submits <paramref name="count"/> contacts as <paramref name="organisationId"/>, some at the same instant, returning their ids oldest first.</summary>
    private async Task<List<string>> SubmitAsync(string organisationId, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            // Pairs share a received_at, so the pages also turn on the id.
            intake.Time.Now = intake.Time.Now.AddSeconds(i % 2);
            var request = TestContacts.Request();
            request.Contact.Agency.OrganisationId = organisationId;
            ids.Add((await intake.Service.SubmitContact(request, TestCallers.Agency(organisationId))).ContactId);
        }
        return ids;
    }

    private async Task<List<ContactSummary>> ListAllAsync(string organisationId, int pageSize)
    {
        var listed = new List<ContactSummary>();
        var request = new ListContactsRequest { PageSize = pageSize };
        do
        {
            var page = await intake.Service.ListContacts(request, TestCallers.Agency(organisationId));
            Assert.True(page.Contacts.Count <= pageSize);
            listed.AddRange(page.Contacts);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return listed;
    }

    [Fact]
    public async Task Pages_through_all_of_an_agencys_contacts_newest_first_without_gaps_or_repeats()
    {
        var submitted = await SubmitAsync(agency, 7);

        var listed = await ListAllAsync(agency, pageSize: 3);

        var newestFirst = submitted.OrderByDescending(id => listed.Single(c => c.ContactId == id).ReceivedAt.ToDateTimeOffset())
            .ThenByDescending(Guid.Parse).ToList();
        Assert.Equal(newestFirst, listed.Select(c => c.ContactId));
        Assert.Equal(submitted.Order(), listed.Select(c => c.ContactId).Order());
        Assert.All(listed, c => Assert.Equal(["domestic-abuse", "neglect"], c.PresentingIssues));
        Assert.All(listed, c => Assert.Equal("concern", c.ContactType));
        Assert.All(listed, c => Assert.Equal(ContactStatus.Received, c.Status));
    }

    [Fact]
    public async Task A_page_that_ends_exactly_at_the_last_contact_has_no_next_token()
    {
        await SubmitAsync(agency, 2);

        var page = await intake.Service.ListContacts(new ListContactsRequest { PageSize = 2 }, TestCallers.Agency(agency));

        Assert.Equal(2, page.Contacts.Count);
        Assert.Empty(page.NextPageToken);
    }

    [Fact]
    public async Task Without_a_page_size_the_configured_default_applies()
    {
        intake.ListingOptions = new() { ListPageSize = 2, ListMaxPageSize = 5 };
        await SubmitAsync(agency, 3);

        var page = await intake.Service.ListContacts(new ListContactsRequest(), TestCallers.Agency(agency));

        Assert.Equal(2, page.Contacts.Count);
        Assert.NotEmpty(page.NextPageToken);
    }

    [Fact]
    public async Task Never_shows_another_agencys_contacts()
    {
        var own = await SubmitAsync(agency, 2);
        await SubmitAsync($"other-{Guid.NewGuid():N}", 3);

        var listed = await ListAllAsync(agency, pageSize: 50);

        Assert.Equal(own.Order(), listed.Select(c => c.ContactId).Order());
    }

    [Fact]
    public async Task Listing_names_no_one_but_each_contact_listed_is_audited()
    {
        var own = await SubmitAsync(agency, 1);

        await ListAllAsync(agency, pageSize: 50);

        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = $2 AND outcome = 'allowed'", own[0], agency));
        Assert.Equal(["contact_id", "received_at", "status", "contact_type", "presenting_issues", "repeats_contact_ids", "repeats_referral_ids"],
            ContactSummary.Descriptor.Fields.InDeclarationOrder().Select(f => f.Name));
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("AAAA")]
    [InlineData("AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_bad_page_token_is_INVALID_ARGUMENT_naming_it(string token)
    {
        var rejected = await Assert.ThrowsAsync<RpcException>(() =>
            intake.Service.ListContacts(new ListContactsRequest { PageToken = token }, TestCallers.Agency(agency)));

        Assert.Equal(StatusCode.InvalidArgument, rejected.StatusCode);
        Assert.Equal("page_token", Assert.Single(Assert.Single(rejected.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations).Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    public async Task A_bad_page_size_is_INVALID_ARGUMENT_naming_it(int pageSize)
    {
        var rejected = await Assert.ThrowsAsync<RpcException>(() =>
            intake.Service.ListContacts(new ListContactsRequest { PageSize = pageSize }, TestCallers.Agency(agency)));

        Assert.Equal(StatusCode.InvalidArgument, rejected.StatusCode);
        Assert.Equal("page_size", Assert.Single(Assert.Single(rejected.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations).Field);
    }
}
