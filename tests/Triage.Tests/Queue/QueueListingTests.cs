using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.Queue;

/// <summary>Point 2: practitioners page through the whole undecided queue, soonest due first, filtered as they ask.</summary>
[Collection(TriageDatabaseCollection.Name)]
public class QueueListingTests(TriageDatabase database)
{
    private readonly TriageUnderTest triage = new(database);
    private readonly TestCallContext practitioner = Callers.Practitioner();

    private async Task<List<QueueItem>> AllPagesAsync(ListQueueRequest request)
    {
        var items = new List<QueueItem>();
        while (true)
        {
            var page = await triage.Service.ListQueue(request, practitioner);
            items.AddRange(page.Items);
            if (page.NextPageToken == "")
            {
                return items;
            }
            request = new ListQueueRequest(request) { PageToken = page.NextPageToken };
        }
    }

    private Task RateAsync(string contactId, Rag rag) =>
        triage.Service.RateContact(new RateContactRequest { ContactId = contactId, Rag = rag, Reason = "screened" }, practitioner);

    [Fact]
    public async Task Paging_on_reaches_every_undecided_contact_once_in_due_order()
    {
        var agency = triage.NewAgency();
        var contacts = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            contacts.Add((await triage.ReceiveAsync(minutesAgo: 10 + i * 7, agencyId: agency)).ContactId);
        }
        await RateAsync(contacts[0], Rag.Green);   // due in a week: last
        await RateAsync(contacts[22], Rag.Red);     // received first, Red: as due as when unrated

        var items = await AllPagesAsync(new ListQueueRequest { AgencyIds = { agency }, PageSize = 5 });

        Assert.Equal(23, items.Count);
        Assert.Equal(contacts.Order(), items.Select(i => i.ContactId).Order());
        Assert.Equal(items.OrderBy(i => i.DueAt.ToDateTimeOffset()).ThenBy(i => i.ContactId, StringComparer.Ordinal).Select(i => i.ContactId), items.Select(i => i.ContactId));
        Assert.Equal(contacts[0], items[^1].ContactId);
        Assert.Equal(triage.Time.Now.AddMinutes(-10).AddDays(7), items[^1].DueAt.ToDateTimeOffset());
        Assert.Equal("Green", items[^1].RagLabel);
    }

    [Fact]
    public async Task The_last_page_has_no_token()
    {
        var agency = triage.NewAgency();
        await triage.ReceiveAsync(agencyId: agency);

        var page = await triage.Service.ListQueue(new ListQueueRequest { AgencyIds = { agency }, PageSize = 1 }, practitioner);

        Assert.Single(page.Items);
        Assert.Equal("", page.NextPageToken);
    }

    [Fact]
    public async Task Filtering_by_rag_can_ask_for_the_unrated()
    {
        var agency = triage.NewAgency();
        var red = await triage.ReceiveAsync(agencyId: agency);
        var amber = await triage.ReceiveAsync(agencyId: agency);
        var unrated = await triage.ReceiveAsync(agencyId: agency);
        await RateAsync(red.ContactId, Rag.Red);
        await RateAsync(amber.ContactId, Rag.Amber);

        var items = await AllPagesAsync(new ListQueueRequest { AgencyIds = { agency }, Rags = { Rag.Red, Rag.Unspecified } });

        Assert.Equal(new[] { red.ContactId, unrated.ContactId }.Order(), items.Select(i => i.ContactId).Order());
    }

    [Fact]
    public async Task Filtering_by_pathway_and_contact_type()
    {
        var agency = triage.NewAgency();
        var adults = await triage.ReceiveAsync(agencyId: agency, pathway: Pathway.Adults, contactType: "concern");
        await triage.ReceiveAsync(agencyId: agency, pathway: Pathway.Children, contactType: "concern");
        await triage.ReceiveAsync(agencyId: agency, pathway: Pathway.Adults, contactType: "information-request");

        var items = await AllPagesAsync(new ListQueueRequest { AgencyIds = { agency }, Pathways = { Pathway.Adults }, ContactTypes = { "concern" } });

        Assert.Equal(adults.ContactId, Assert.Single(items).ContactId);
        Assert.Equal(Pathway.Adults, items[0].Pathway);
    }

    [Fact]
    public async Task Filtering_by_how_long_contacts_have_waited()
    {
        var agency = triage.NewAgency();
        await triage.ReceiveAsync(minutesAgo: 30, agencyId: agency);
        var middle = await triage.ReceiveAsync(minutesAgo: 120, agencyId: agency);
        await triage.ReceiveAsync(minutesAgo: 600, agencyId: agency);

        var items = await AllPagesAsync(new ListQueueRequest
        {
            AgencyIds = { agency }, MinAge = Duration.FromTimeSpan(TimeSpan.FromHours(1)), MaxAge = Duration.FromTimeSpan(TimeSpan.FromHours(3)),
        });

        Assert.Equal(middle.ContactId, Assert.Single(items).ContactId);
    }

    [Fact]
    public async Task Due_soon_is_due_within_the_window_or_overdue()
    {
        var agency = triage.NewAgency();
        var overdue = await triage.ReceiveAsync(minutesAgo: 300, agencyId: agency);     // unrated, due 4 h after receipt: an hour ago
        var dueSoon = await triage.ReceiveAsync(minutesAgo: 200, agencyId: agency);     // due in 40 minutes
        await triage.ReceiveAsync(minutesAgo: 100, agencyId: agency);                   // due in 140 minutes

        var items = await AllPagesAsync(new ListQueueRequest { AgencyIds = { agency }, DueSoon = true });

        Assert.Equal([overdue.ContactId, dueSoon.ContactId], items.Select(i => i.ContactId));
    }

    [Fact]
    public async Task Decided_contacts_leave_the_queue()
    {
        var agency = triage.NewAgency();
        var decided = await triage.ReceiveAsync(agencyId: agency);
        var open = await triage.ReceiveAsync(agencyId: agency);
        await RateAsync(decided.ContactId, Rag.Green);
        await triage.Service.RecordDecision(new RecordDecisionRequest { ContactId = decided.ContactId, Rationale = "advice only" }, practitioner);

        var items = await AllPagesAsync(new ListQueueRequest { AgencyIds = { agency } });

        Assert.Equal(open.ContactId, Assert.Single(items).ContactId);
    }

    [Fact]
    public async Task A_token_with_other_filters_is_an_invalid_argument()
    {
        var agency = triage.NewAgency();
        await triage.ReceiveAsync(agencyId: agency);
        await triage.ReceiveAsync(agencyId: agency);
        var first = await triage.Service.ListQueue(new ListQueueRequest { AgencyIds = { agency }, PageSize = 1 }, practitioner);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            triage.Service.ListQueue(new ListQueueRequest { AgencyIds = { agency }, PageSize = 1, DueSoon = true, PageToken = first.NextPageToken }, practitioner));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("page_token", Assert.Single(error.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
    }

    [Theory]
    [InlineData(501)]
    [InlineData(int.MaxValue)]
    public async Task A_page_size_above_the_maximum_is_an_invalid_argument_naming_it(int pageSize)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.ListQueue(new ListQueueRequest { PageSize = pageSize }, practitioner));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("page_size", Assert.Single(error.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task The_maximum_page_size_is_served()
    {
        var agency = triage.NewAgency();
        await triage.ReceiveAsync(agencyId: agency);

        var page = await triage.Service.ListQueue(new ListQueueRequest { AgencyIds = { agency }, PageSize = 500 }, practitioner);

        Assert.Single(page.Items);
    }

    [Fact]
    public async Task A_contact_type_the_partnership_does_not_have_is_an_invalid_argument_naming_contact_types()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            triage.Service.ListQueue(new ListQueueRequest { ContactTypes = { "concern", "not-a-contact-type" } }, practitioner));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("contact_types", Assert.Single(error.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Ages_stay_measured_from_the_first_page()
    {
        var agency = triage.NewAgency();
        await triage.ReceiveAsync(minutesAgo: 50, agencyId: agency);
        await triage.ReceiveAsync(minutesAgo: 40, agencyId: agency);
        var request = new ListQueueRequest { AgencyIds = { agency }, MaxAge = Duration.FromTimeSpan(TimeSpan.FromHours(1)), PageSize = 1 };
        var first = await triage.Service.ListQueue(request, practitioner);
        triage.Time.Now = triage.Time.Now.AddHours(2);   // paging on later: both are now older than an hour

        var second = await triage.Service.ListQueue(new ListQueueRequest(request) { PageToken = first.NextPageToken }, practitioner);

        Assert.Single(second.Items);
    }
}
