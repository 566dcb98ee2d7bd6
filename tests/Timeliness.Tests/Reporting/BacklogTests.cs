using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Tests.Infrastructure;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Reporting;

/// <summary>The backlog (T3) now: contacts received and not yet decided, by RAG (not yet rated its own row), age band and agency.</summary>
[Collection(TimelinessDatabaseCollection.Name)]
public class BacklogTests(TimelinessDatabase database)
{
    private static readonly DateTimeOffset Now = Gmt(2033, 1, 20, 12);
    private readonly TimelinessUnderTest timeliness = new(database);
    private readonly TestCallContext context = TestCallContext.ByStaff("mgr-1", [Mash.ServiceDefaults.MashRoles.Manager]);
    // Each test's own agency, so contacts from other tests in the shared database do not mix in.
    private readonly string agency = $"agency-{Guid.NewGuid():N}";

    private async Task<string> ReceiveAsync(DateTimeOffset at, Rag rag = Rag.Unspecified, string? agencyId = null)
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, at, agencyId ?? agency));
        if (rag != Rag.Unspecified)
        {
            await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, rag, at.AddMinutes(10)));
        }
        return contactId;
    }

    private Task<Backlog> BacklogAsync(Rag rag = Rag.Unspecified, string? agencyId = null)
    {
        timeliness.Time.Now = Now;
        return timeliness.Service.GetBacklog(new GetBacklogRequest { Rag = rag, AgencyId = agencyId ?? agency }, context);
    }

    private static BacklogCount Count(Rag rag, int fromDays, int? toDays, string agencyId, long open) => new()
    {
        Rag = rag,
        AgeFrom = Duration.FromTimeSpan(TimeSpan.FromDays(fromDays)),
        AgeTo = toDays is { } days ? Duration.FromTimeSpan(TimeSpan.FromDays(days)) : null,
        AgencyId = agencyId,
        Open = open,
    };

    [Fact]
    public async Task Open_contacts_are_counted_by_rag_then_age_band_with_the_unrated_last()
    {
        await ReceiveAsync(Now.AddHours(-2), Rag.Red);
        await ReceiveAsync(Now.AddHours(-20), Rag.Red);
        await ReceiveAsync(Now.AddDays(-3), Rag.Amber);
        await ReceiveAsync(Now.AddDays(-10), Rag.Green);
        await ReceiveAsync(Now.AddDays(-30), Rag.Green);
        await ReceiveAsync(Now.AddHours(-1));

        var backlog = await BacklogAsync();

        Assert.Equal(Timestamp.FromDateTimeOffset(Now), backlog.AsOf);
        Assert.Equal(
            [Count(Rag.Red, 0, 1, agency, 2), Count(Rag.Amber, 1, 5, agency, 1), Count(Rag.Green, 5, 20, agency, 1), Count(Rag.Green, 20, null, agency, 1), Count(Rag.Unspecified, 0, 1, agency, 1)],
            backlog.Counts);
    }

    [Fact]
    public async Task A_band_starts_at_its_bound_a_contact_exactly_a_day_old_is_in_the_second()
    {
        await ReceiveAsync(Now.AddDays(-1), Rag.Amber);

        Assert.Equal([Count(Rag.Amber, 1, 5, agency, 1)], (await BacklogAsync()).Counts);
    }

    [Fact]
    public async Task A_decided_contact_leaves_the_backlog_and_one_received_later_than_now_is_not_in_it_yet()
    {
        var decided = await ReceiveAsync(Now.AddDays(-2), Rag.Green);
        await timeliness.RecordAsync(TimelinessUnderTest.Decided(decided, Now.AddHours(-1)));
        await ReceiveAsync(Now.AddHours(1), Rag.Red);

        Assert.Empty((await BacklogAsync()).Counts);
    }

    [Fact]
    public async Task A_contact_decided_before_its_receipt_arrived_is_never_in_the_backlog()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Decided(contactId, Now.AddHours(-1)));
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Now.AddDays(-2), agency));

        Assert.Empty((await BacklogAsync()).Counts);
    }

    [Fact]
    public async Task A_decision_timed_before_its_receipt_keeps_the_contact_out_of_the_backlog()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Now.AddHours(-1), agency));
        await timeliness.RecordAsync(TimelinessUnderTest.Decided(contactId, Now.AddHours(-2)));

        Assert.Empty((await BacklogAsync()).Counts);
    }

    [Fact]
    public async Task Rag_and_agency_narrow_it()
    {
        var other = $"agency-{Guid.NewGuid():N}";
        await ReceiveAsync(Now.AddHours(-2), Rag.Red);
        await ReceiveAsync(Now.AddHours(-2), Rag.Amber);
        await ReceiveAsync(Now.AddHours(-2), Rag.Red, other);

        Assert.Equal([Count(Rag.Red, 0, 1, agency, 1)], (await BacklogAsync(Rag.Red)).Counts);
        Assert.Equal([Count(Rag.Red, 0, 1, other, 1)], (await BacklogAsync(agencyId: other)).Counts);
    }

    [Fact]
    public async Task A_RAG_the_contract_does_not_define_is_refused_not_an_empty_backlog()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => BacklogAsync((Rag)99));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("rag", Assert.Single(Assert.Single(refused.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations).Field);
    }
}
