using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Timeliness.Tests.Infrastructure;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Clocks;

/// <summary>A batch of events applied together times every clock as the same events one at a time would.</summary>
[Collection(TimelinessDatabaseCollection.Name)]
public class ClockBatchTests(TimelinessDatabase database)
{
    private static readonly DateTimeOffset Monday = Bst(2025, 6, 2, 10);
    private readonly TimelinessUnderTest timeliness = new(database);

    [Fact]
    public async Task A_batch_of_decisions_times_each_contact_against_its_own_target()
    {
        var red = await ReceivedAndRatedAsync(Rag.Red);
        var amber = await ReceivedAndRatedAsync(Rag.Amber);

        await timeliness.RecordBatchAsync(TimelinessUnderTest.Decided(red, Monday.AddHours(5)), TimelinessUnderTest.Decided(amber, Monday.AddHours(5)));

        var redTimed = Assert.Single(await timeliness.TimedAsync(red));
        var amberTimed = Assert.Single(await timeliness.TimedAsync(amber));
        Assert.Equal((Rag.Red, Timestamp.FromDateTimeOffset(Monday.AddHours(4)), false), (redTimed.Rag, redTimed.DueAt, redTimed.WithinTarget));
        Assert.Equal((Rag.Amber, Timestamp.FromDateTimeOffset(Monday.AddHours(24)), true), (amberTimed.Rag, amberTimed.DueAt, amberTimed.WithinTarget));
    }

    [Fact]
    public async Task A_decision_twice_in_one_batch_is_timed_once()
    {
        var contactId = await ReceivedAndRatedAsync(Rag.Red);
        var decided = TimelinessUnderTest.Decided(contactId, Monday.AddHours(3));

        await timeliness.RecordBatchAsync(decided, decided.Clone());

        Assert.Single(await timeliness.TimedAsync(contactId));
    }

    [Fact]
    public async Task A_redelivered_batch_changes_nothing()
    {
        var first = await ReceivedAndRatedAsync(Rag.Red);
        var second = await ReceivedAndRatedAsync(Rag.Green);
        var batch = new[] { TimelinessUnderTest.Decided(first, Monday.AddHours(3)), TimelinessUnderTest.Decided(second, Monday.AddHours(3)) };
        await timeliness.RecordBatchAsync(batch);
        var clocks = await Task.WhenAll(timeliness.Clocks.FindAsync(first, CancellationToken.None), timeliness.Clocks.FindAsync(second, CancellationToken.None));

        await timeliness.RecordBatchAsync(batch);

        Assert.Single(await timeliness.TimedAsync(first));
        Assert.Single(await timeliness.TimedAsync(second));
        Assert.Equal(clocks[0], await timeliness.Clocks.FindAsync(first, CancellationToken.None));
        Assert.Equal(clocks[1], await timeliness.Clocks.FindAsync(second, CancellationToken.None));
    }

    [Fact]
    public async Task Ratings_out_of_order_in_one_batch_leave_the_latest_rating_by_when_it_was_made()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Monday));

        await timeliness.RecordBatchAsync(
            TimelinessUnderTest.Rated(contactId, Rag.Red, Monday.AddMinutes(40)),
            TimelinessUnderTest.Rated(contactId, Rag.Amber, Monday.AddMinutes(20)));

        var clock = await timeliness.Clocks.FindAsync(contactId, CancellationToken.None);
        Assert.Equal((Rag.Red, Monday.AddHours(4)), (clock!.Rag, clock.DueAt!.Value));
    }

    [Fact]
    public async Task A_batch_may_rate_a_contact_whose_receipt_has_not_arrived_and_the_receipt_completes_it_later()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordBatchAsync(TimelinessUnderTest.Rated(contactId, Rag.Red, Monday.AddMinutes(20)));
        await timeliness.RecordBatchAsync(TimelinessUnderTest.Decided(contactId, Monday.AddHours(3)));
        Assert.Empty(await timeliness.TimedAsync(contactId));

        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Monday));

        var timed = Assert.Single(await timeliness.TimedAsync(contactId));
        Assert.Equal((Timestamp.FromDateTimeOffset(Monday.AddHours(4)), true), (timed.DueAt, timed.WithinTarget));
    }

    [Fact]
    public async Task Ratings_arriving_in_a_batch_after_the_clock_stopped_change_nothing()
    {
        var contactId = await ReceivedAndRatedAsync(Rag.Amber);
        await timeliness.RecordBatchAsync(TimelinessUnderTest.Decided(contactId, Monday.AddHours(3)));

        await timeliness.RecordBatchAsync(
            TimelinessUnderTest.Rated(contactId, Rag.Red, Monday.AddMinutes(40)),
            TimelinessUnderTest.Rated(contactId, Rag.Green, Monday.AddMinutes(50)));

        var clock = await timeliness.Clocks.FindAsync(contactId, CancellationToken.None);
        Assert.Equal((Rag.Amber, true), (clock!.Rag, clock.WithinTarget!.Value));
        Assert.Single(await timeliness.TimedAsync(contactId));
    }

    private async Task<string> ReceivedAndRatedAsync(Rag rag)
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Monday));
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, rag, Monday.AddMinutes(20)));
        return contactId;
    }
}
