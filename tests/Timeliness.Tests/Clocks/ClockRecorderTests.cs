using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Timeliness.Tests.Infrastructure;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Clocks;

/// <summary>The consumers' shared path against the real database: facts in any order, each delivered at least once.</summary>
[Collection(TimelinessDatabaseCollection.Name)]
public class ClockRecorderTests(TimelinessDatabase database)
{
    private static readonly DateTimeOffset Monday = Bst(2025, 6, 2, 10);
    private readonly TimelinessUnderTest timeliness = new(database);

    public static TheoryData<int[]> EveryOrder => new() { new[] { 0, 1, 2 }, new[] { 0, 2, 1 }, new[] { 1, 0, 2 }, new[] { 1, 2, 0 }, new[] { 2, 0, 1 }, new[] { 2, 1, 0 } };

    [Theory]
    [MemberData(nameof(EveryOrder))]
    public async Task Every_arrival_order_announces_one_decision_timed(int[] order)
    {
        var contactId = TimelinessUnderTest.NewContactId();
        var facts = new Func<Task>[]
        {
            () => timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Monday)),
            () => timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Red, Monday.AddMinutes(20))),
            () => timeliness.RecordAsync(TimelinessUnderTest.Decided(contactId, Monday.AddHours(3))),
        };

        foreach (var i in order)
        {
            await facts[i]();
        }

        var timed = Assert.Single(await timeliness.TimedAsync(contactId));
        Assert.Equal(Rag.Red, timed.Rag);
        Assert.Equal(Timestamp.FromDateTimeOffset(Monday), timed.StartedAt);
        Assert.Equal(Timestamp.FromDateTimeOffset(Monday.AddHours(4)), timed.DueAt);
        Assert.Equal(Timestamp.FromDateTimeOffset(Monday.AddHours(3)), timed.DecidedAt);
        Assert.True(timed.WithinTarget);
        Assert.Equal(timed.DecidedAt, timed.OccurredAt);
        Assert.Equal(Timestamp.FromDateTimeOffset(timeliness.Time.Now), timed.RecordedAt);
    }

    [Fact]
    public async Task A_redelivered_decision_is_not_timed_twice()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        var decided = TimelinessUnderTest.Decided(contactId, Monday.AddHours(3));
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Monday));
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Amber, Monday.AddMinutes(20)));
        await timeliness.RecordAsync(decided);

        await timeliness.RecordAsync(decided);

        Assert.Single(await timeliness.TimedAsync(contactId));
    }

    [Fact]
    public async Task A_redelivered_rating_after_a_rerating_does_not_undo_it()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        var amber = TimelinessUnderTest.Rated(contactId, Rag.Amber, Monday.AddMinutes(20));
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Monday));
        await timeliness.RecordAsync(amber);
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Red, Monday.AddMinutes(40)));

        await timeliness.RecordAsync(amber);

        var clock = await timeliness.Clocks.FindAsync(contactId, CancellationToken.None);
        Assert.Equal((Rag.Red, Monday.AddHours(4)), (clock!.Rag, clock.DueAt!.Value));
    }

    [Fact]
    public async Task A_green_contact_is_due_after_five_working_days_and_a_late_decision_is_outside_target()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Bst(2025, 6, 7, 14)));
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Green, Bst(2025, 6, 9, 9)));
        await timeliness.RecordAsync(TimelinessUnderTest.Decided(contactId, Bst(2025, 6, 14, 9)));

        var timed = Assert.Single(await timeliness.TimedAsync(contactId));
        Assert.Equal(Timestamp.FromDateTimeOffset(Bst(2025, 6, 14)), timed.DueAt);
        Assert.False(timed.WithinTarget);
    }

    [Fact]
    public async Task A_rating_that_arrives_after_the_clock_stopped_changes_nothing()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Monday));
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Amber, Monday.AddMinutes(20)));
        await timeliness.RecordAsync(TimelinessUnderTest.Decided(contactId, Monday.AddHours(3)));

        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Red, Monday.AddMinutes(40)));

        var clock = await timeliness.Clocks.FindAsync(contactId, CancellationToken.None);
        Assert.Equal((Rag.Amber, true), (clock!.Rag, clock.WithinTarget!.Value));
        Assert.Single(await timeliness.TimedAsync(contactId));
    }
}
