using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Tests.Infrastructure;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Reporting;

/// <summary>
/// The backlog (T3) as a time series: one stored snapshot per slot however many replicas take it,
/// holding the RAG in force then; a slot no snapshot covers (imported history, downtime) computed
/// from the clocks' facts as of that slot.
/// </summary>
[Collection(TimelinessDatabaseCollection.Name)]
public class BacklogSeriesTests(TimelinessDatabase database)
{
    private readonly TimelinessUnderTest timeliness = Later(new(database));
    private readonly TestCallContext context = TestCallContext.ByStaff("mgr-1", [Mash.ServiceDefaults.MashRoles.BoardMember]);
    // Each test's own agency, so contacts from other tests in the shared database do not mix in.
    private readonly string agency = $"agency-{Guid.NewGuid():N}";

    // The tests' instants are in the 2030s, and a series stops at now.
    private static TimelinessUnderTest Later(TimelinessUnderTest timeliness)
    {
        timeliness.Time.Now = Gmt(2040, 1, 1);
        return timeliness;
    }

    private async Task<string> ReceiveAsync(DateTimeOffset at, Rag rag, DateTimeOffset ratedAt)
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, at, agency));
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, rag, ratedAt));
        return contactId;
    }

    private Task<BacklogSeries> SeriesAsync(DateTimeOffset from, DateTimeOffset to, Rag rag = Rag.Unspecified) =>
        timeliness.Service.GetBacklogSeries(new GetBacklogSeriesRequest { From = Stamp(from), To = Stamp(to), Rag = rag, AgencyId = agency }, context);

    private static string FieldAtFault(RpcException refused) =>
        Assert.Single(Assert.Single(refused.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations).Field;

    private static Timestamp Stamp(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    private static BacklogCount UnderADay(Rag rag, long open) => new()
    {
        Rag = rag, AgeFrom = Duration.FromTimeSpan(TimeSpan.Zero), AgeTo = Duration.FromTimeSpan(TimeSpan.FromDays(1)), AgencyId = "", Open = open,
    };

    private BacklogCount Counted(Rag rag, long open)
    {
        var count = UnderADay(rag, open);
        count.AgencyId = agency;
        return count;
    }

    [Fact]
    public async Task A_slot_s_snapshot_is_stored_once_however_many_replicas_take_it()
    {
        var slot = Gmt(2034, 3, 1, 9);
        await ReceiveAsync(slot.AddHours(-2), Rag.Amber, slot.AddHours(-1));

        var taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => timeliness.Snapshots.TakeAsync(slot, CancellationToken.None)));

        Assert.Single(taken, t => t);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM backlog_snapshots WHERE slot_at = $1", slot.UtcDateTime));
        var snapshot = Assert.Single((await SeriesAsync(slot, slot.AddHours(1))).Snapshots);
        Assert.Equal(Stamp(timeliness.Time.Now), snapshot.TakenAt);
        Assert.Equal([Counted(Rag.Amber, 1)], snapshot.Counts);
    }

    [Fact]
    public async Task A_stored_snapshot_keeps_the_rag_in_force_when_it_was_taken_a_computed_slot_has_only_the_latest()
    {
        var received = Gmt(2034, 4, 1, 9);
        var contactId = await ReceiveAsync(received, Rag.Amber, received.AddMinutes(10));
        await timeliness.Snapshots.TakeAsync(received.AddHours(1), CancellationToken.None);
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Red, received.AddHours(2).AddMinutes(30)));

        var series = await SeriesAsync(received.AddHours(1), received.AddHours(4));

        Assert.Equal([received.AddHours(1), received.AddHours(2), received.AddHours(3)], series.Snapshots.Select(s => s.SlotAt.ToDateTimeOffset()));
        Assert.Equal([true, false, false], series.Snapshots.Select(s => s.TakenAt is not null));
        // At 11:00 the clock knows only the re-rating of 11:30, so the Amber of 09:10 is lost to a computed slot.
        Assert.Equal([[Counted(Rag.Amber, 1)], [Counted(Rag.Unspecified, 1)], [Counted(Rag.Red, 1)]], series.Snapshots.Select(s => s.Counts.ToArray()));
    }

    [Fact]
    public async Task Imported_history_before_the_service_ran_is_computed_from_the_facts_as_of_each_slot()
    {
        var received = Gmt(2019, 11, 4, 9);
        var contactId = await ReceiveAsync(received, Rag.Green, received.AddMinutes(30));
        await timeliness.RecordAsync(TimelinessUnderTest.Decided(contactId, received.AddHours(2).AddMinutes(15)));

        var series = await SeriesAsync(received.AddHours(-1), received.AddHours(4));

        Assert.All(series.Snapshots, s => Assert.Null(s.TakenAt));
        Assert.Equal(
            [[], [Counted(Rag.Unspecified, 1)], [Counted(Rag.Green, 1)], [Counted(Rag.Green, 1)], []],
            series.Snapshots.Select(s => s.Counts.ToArray()));
    }

    [Fact]
    public async Task A_stored_snapshot_with_nothing_open_reads_as_empty_and_taken()
    {
        var slot = Gmt(2034, 5, 1, 9);
        await timeliness.Snapshots.TakeAsync(slot, CancellationToken.None);

        var snapshot = Assert.Single((await SeriesAsync(slot, slot.AddHours(1))).Snapshots);

        Assert.NotNull(snapshot.TakenAt);
        Assert.Empty(snapshot.Counts);
    }

    [Fact]
    public async Task Rag_narrows_a_series()
    {
        var received = Gmt(2034, 6, 1, 9);
        await ReceiveAsync(received, Rag.Red, received.AddMinutes(5));
        await ReceiveAsync(received, Rag.Green, received.AddMinutes(5));
        await timeliness.Snapshots.TakeAsync(received.AddHours(1), CancellationToken.None);

        var series = await SeriesAsync(received.AddHours(1), received.AddHours(3), Rag.Green);

        Assert.Equal([[Counted(Rag.Green, 1)], [Counted(Rag.Green, 1)]], series.Snapshots.Select(s => s.Counts.ToArray()));
    }

    [Fact]
    public async Task A_series_stops_at_now_a_later_slot_would_be_a_forecast()
    {
        var received = Gmt(2034, 7, 1, 9);
        await ReceiveAsync(received, Rag.Amber, received.AddMinutes(5));
        timeliness.Time.Now = received.AddHours(2).AddMinutes(30);

        var series = await SeriesAsync(received.AddHours(1), received.AddHours(6));

        Assert.Equal([received.AddHours(1), received.AddHours(2)], series.Snapshots.Select(s => s.SlotAt.ToDateTimeOffset()));
    }

    [Fact]
    public async Task More_slots_than_a_series_may_hold_is_INVALID_ARGUMENT_naming_to()
    {
        var from = Gmt(2030, 1, 1);

        var refused = await Assert.ThrowsAsync<RpcException>(() => SeriesAsync(from, from.AddHours(10_001)));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("to", FieldAtFault(refused));
    }

    [Fact]
    public async Task A_series_without_from_is_INVALID_ARGUMENT_naming_from()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            timeliness.Service.GetBacklogSeries(new GetBacklogSeriesRequest { To = Stamp(Gmt(2030, 1, 1)) }, context));

        Assert.Equal("from", FieldAtFault(refused));
    }
}
