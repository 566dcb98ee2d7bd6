using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.Queue;

/// <summary>Point 2: a practitioner claims a contact to screen it; no one else works it meanwhile.</summary>
[Collection(TriageDatabaseCollection.Name)]
public class ClaimTests(TriageDatabase database)
{
    private readonly TriageUnderTest triage = new(database);

    [Fact]
    public async Task A_claim_shows_who_and_when_in_the_queue()
    {
        var received = await triage.ReceiveAsync();

        var item = await triage.Service.ClaimContact(new ClaimContactRequest { ContactId = received.ContactId }, Callers.Practitioner("sw-7"));

        Assert.Equal(("sw-7", triage.Time.Now), (item.ClaimedBy, item.ClaimedAt.ToDateTimeOffset()));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM queue_items WHERE contact_id = $1 AND claimed_by = 'sw-7'", received.ContactId));
    }

    [Fact]
    public async Task A_contact_claimed_by_another_fails_its_precondition_for_claiming_rating_and_deciding()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.ClaimContact(new ClaimContactRequest { ContactId = received.ContactId }, Callers.Practitioner("sw-7"));
        var other = Callers.Practitioner("sw-8");

        var claim = await Assert.ThrowsAsync<RpcException>(() => triage.Service.ClaimContact(new ClaimContactRequest { ContactId = received.ContactId }, other));
        var rating = await Assert.ThrowsAsync<RpcException>(() =>
            triage.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Red }, other));

        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (claim.StatusCode, rating.StatusCode));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contact_ratings WHERE contact_id = $1", received.ContactId));
    }

    [Fact]
    public async Task A_released_contact_is_free_to_claim()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.ClaimContact(new ClaimContactRequest { ContactId = received.ContactId }, Callers.Practitioner("sw-7"));

        var released = await triage.Service.ReleaseContact(new ReleaseContactRequest { ContactId = received.ContactId }, Callers.Practitioner("sw-7"));
        var claimed = await triage.Service.ClaimContact(new ClaimContactRequest { ContactId = received.ContactId }, Callers.Practitioner("sw-8"));

        Assert.Equal("", released.ClaimedBy);
        Assert.Equal("sw-8", claimed.ClaimedBy);
    }

    [Fact]
    public async Task Only_the_claimant_releases()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.ClaimContact(new ClaimContactRequest { ContactId = received.ContactId }, Callers.Practitioner("sw-7"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            triage.Service.ReleaseContact(new ReleaseContactRequest { ContactId = received.ContactId }, Callers.Practitioner("sw-8")));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task A_manager_releases_a_colleagues_claim()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.ClaimContact(new ClaimContactRequest { ContactId = received.ContactId }, Callers.Practitioner("sw-7"));

        var released = await triage.Service.ReleaseContact(new ReleaseContactRequest { ContactId = received.ContactId }, Callers.Manager());

        Assert.Equal("", released.ClaimedBy);
    }

    [Fact]
    public async Task Claiming_an_unknown_contact_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.ClaimContact(new ClaimContactRequest { ContactId = Guid.NewGuid().ToString() }, Callers.Practitioner()));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_claim_without_a_contact_id_is_an_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.ClaimContact(new ClaimContactRequest(), Callers.Practitioner()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
