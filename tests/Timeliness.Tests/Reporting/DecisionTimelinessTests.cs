using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Tests.Infrastructure;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Reporting;

/// <summary>Decision timeliness (T1): decisions timed against their targets by period, RAG and agency, counted by when each decision was made.</summary>
[Collection(TimelinessDatabaseCollection.Name)]
public class DecisionTimelinessTests(TimelinessDatabase database)
{
    private readonly TimelinessUnderTest timeliness = new(database);
    private readonly TestCallContext context = TestCallContext.ByStaff("mgr-1", [Mash.ServiceDefaults.MashRoles.Manager]);
    // Each test's own agency, so counts from other tests in the shared database do not mix in.
    private readonly string agency = $"agency-{Guid.NewGuid():N}";

    private async Task DecideAsync(string agencyId, Rag rag, DateTimeOffset receivedAt, DateTimeOffset decidedAt)
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(new ContactReceived
        {
            EventId = Guid.NewGuid().ToString(), ContactId = contactId, AgencyId = agencyId,
            OccurredAt = Timestamp.FromDateTimeOffset(receivedAt), RecordedAt = Timestamp.FromDateTimeOffset(receivedAt),
        });
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, rag, receivedAt.AddMinutes(5)));
        await timeliness.RecordAsync(TimelinessUnderTest.Decided(contactId, decidedAt));
    }

    private Task<DecisionTimeliness> CountAsync(DateTimeOffset from, DateTimeOffset to, Period period = Period.Month, Rag rag = Rag.Unspecified, string? agencyId = null) =>
        timeliness.Service.GetDecisionTimeliness(
            new GetDecisionTimelinessRequest { From = Timestamp.FromDateTimeOffset(from), To = Timestamp.FromDateTimeOffset(to), Period = period, Rag = rag, AgencyId = agencyId ?? agency },
            context);

    private static DecisionTimelinessCount Count(DateTimeOffset periodStart, Rag rag, string agencyId, long decided, long within) =>
        new() { PeriodStart = Timestamp.FromDateTimeOffset(periodStart), Rag = rag, AgencyId = agencyId, Decided = decided, WithinTarget = within };

    [Fact]
    public async Task Decisions_are_counted_by_rag_with_those_within_target()
    {
        await DecideAsync(agency, Rag.Red, Bst(2025, 6, 2, 9), Bst(2025, 6, 2, 10));
        await DecideAsync(agency, Rag.Red, Bst(2025, 6, 3, 9), Bst(2025, 6, 3, 15));
        await DecideAsync(agency, Rag.Amber, Bst(2025, 6, 4, 9), Bst(2025, 6, 4, 20));

        var counts = await CountAsync(Bst(2025, 6, 1), Bst(2025, 7, 1));

        Assert.Equal([Count(Bst(2025, 6, 1), Rag.Red, agency, 2, 1), Count(Bst(2025, 6, 1), Rag.Amber, agency, 1, 1)], counts.Counts);
    }

    [Fact]
    public async Task A_decision_counts_in_the_period_it_was_made_not_received()
    {
        await DecideAsync(agency, Rag.Amber, Bst(2025, 6, 30, 20), Bst(2025, 7, 1, 10));

        var counts = await CountAsync(Bst(2025, 6, 1), Bst(2025, 8, 1));

        Assert.Equal([Count(Bst(2025, 7, 1), Rag.Amber, agency, 1, 1)], counts.Counts);
    }

    [Fact]
    public async Task Periods_are_the_partnership_s_local_days()
    {
        // 00:30 in London on 1 July is still 30 June in UTC.
        await DecideAsync(agency, Rag.Amber, Bst(2025, 6, 30, 10), Bst(2025, 7, 1, 0, 30));

        var counts = await CountAsync(Bst(2025, 6, 1), Bst(2025, 8, 1), Period.Day);

        Assert.Equal([Count(Bst(2025, 7, 1), Rag.Amber, agency, 1, 1)], counts.Counts);
    }

    [Fact]
    public async Task Imported_history_is_counted_in_its_own_period()
    {
        timeliness.Time.Now = Bst(2026, 12, 5, 12);
        await DecideAsync(agency, Rag.Red, Bst(2024, 3, 4, 9), Bst(2024, 3, 4, 14));

        var counts = await CountAsync(Bst(2024, 1, 1), Bst(2025, 1, 1), Period.Year);

        Assert.Equal([Count(Gmt(2024, 1, 1), Rag.Red, agency, 1, 0)], counts.Counts);
    }

    [Fact]
    public async Task One_rag_and_one_agency_can_be_asked_for()
    {
        var other = $"agency-{Guid.NewGuid():N}";
        await DecideAsync(agency, Rag.Red, Bst(2025, 6, 2, 9), Bst(2025, 6, 2, 10));
        await DecideAsync(agency, Rag.Amber, Bst(2025, 6, 2, 9), Bst(2025, 6, 2, 10));
        await DecideAsync(other, Rag.Red, Bst(2025, 6, 2, 9), Bst(2025, 6, 2, 10));

        var counts = await CountAsync(Bst(2025, 6, 1), Bst(2025, 7, 1), rag: Rag.Red);

        Assert.Equal([Count(Bst(2025, 6, 1), Rag.Red, agency, 1, 1)], counts.Counts);
    }

    [Fact]
    public async Task Undecided_contacts_are_not_counted()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Red, Bst(2025, 6, 2, 9)));

        Assert.Empty((await CountAsync(Bst(2025, 6, 1), Bst(2025, 7, 1))).Counts);
    }

    [Fact]
    public async Task A_window_must_run_forwards()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => CountAsync(Bst(2025, 7, 1), Bst(2025, 6, 1)));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    [Fact]
    public async Task A_period_or_RAG_the_contract_does_not_define_is_refused_naming_its_field()
    {
        var period = await Assert.ThrowsAsync<RpcException>(() => CountAsync(Bst(2025, 6, 1), Bst(2025, 7, 1), period: (Period)99));
        var rag = await Assert.ThrowsAsync<RpcException>(() => CountAsync(Bst(2025, 6, 1), Bst(2025, 7, 1), rag: (Rag)99));

        Assert.Equal("period", Assert.Single(Assert.Single(period.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations).Field);
        Assert.Equal("rag", Assert.Single(Assert.Single(rag.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations).Field);
    }
}
