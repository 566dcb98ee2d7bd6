using Google.Protobuf;
using Mash.ServiceDefaults.Tests.Events;
using Mash.Testing.Messaging;

namespace Mash.ServiceDefaults.Tests;

/// <summary>A batch carries each event's protobuf encoding, a row of the outbox at a time; a body that is not one is refused with its row.</summary>
public sealed class EventBatchTests
{
    [Fact]
    public void A_batch_carries_each_event_as_its_protobuf_encoding_in_order()
    {
        var first = BusTests.SampleEvent();
        var second = BusTests.SampleEvent();

        var batch = EventBatch.Of(first, second);

        Assert.Equal([first.ToByteArray(), second.ToByteArray()], batch.Bodies);
        Assert.Equal([first, second], batch.Events);
        Assert.Equal(second, batch.EventAt(1));
    }

    [Fact]
    public async Task A_body_that_is_not_an_event_is_refused_after_the_others_are_applied()
    {
        var first = BusTests.SampleEvent();
        var last = BusTests.SampleEvent();
        var batch = new EventBatch<ContactRated>([first.ToByteArray(), [0xFF, 0xFF, 0xFF], last.ToByteArray()], [null, null, null]);
        var applied = new List<string>();

        var failure = await Assert.ThrowsAsync<AggregateException>(() => DeliveredContext.Of(batch).ApplyAsync(
            (message, _) => message.ContactId,
            rows => { applied.AddRange(rows.SelectMany(row => row)); return Task.CompletedTask; }));

        Assert.Equal([first.ContactId, last.ContactId], applied);
        Assert.IsType<InvalidProtocolBufferException>(Assert.Single(failure.InnerExceptions));
    }

    [Fact]
    public async Task A_body_that_is_not_an_event_leaves_out_its_whole_row_and_the_other_rows_are_applied()
    {
        var (first, second, last) = (BusTests.SampleEvent(), BusTests.SampleEvent(), BusTests.SampleEvent());
        var batch = new EventBatch<ContactRated>([first.ToByteArray(), [0xFF, 0xFF, 0xFF], second.ToByteArray(), last.ToByteArray()], [null, null, null, null], Rows: [2, 2]);
        var applied = new List<IReadOnlyList<string>>();

        var failure = await Assert.ThrowsAsync<AggregateException>(() => DeliveredContext.Of(batch).ApplyAsync(
            (message, _) => message.ContactId,
            rows => { applied.AddRange(rows); return Task.CompletedTask; }));

        Assert.Equal([second.ContactId, last.ContactId], Assert.Single(applied));
        Assert.IsType<InvalidProtocolBufferException>(Assert.Single(failure.InnerExceptions));
    }

    [Fact]
    public void A_batch_gives_each_row_s_events_together() =>
        Assert.Equal([(0, 3), (3, 1), (4, 2)], Sized(6, rows: [3, 1, 2]).RowRanges());

    [Fact]
    public void A_batch_made_by_hand_holds_each_event_alone() =>
        Assert.Equal([(0, 1), (1, 1)], EventBatch.Of(BusTests.SampleEvent(), BusTests.SampleEvent()).RowRanges());

    [Theory]
    [InlineData(new[] { 3, 2 })]
    [InlineData(new[] { 3, 4 })]
    [InlineData(new[] { 6, 0 })]
    public void Rows_that_do_not_add_up_to_the_batch_hold_each_event_alone(int[] rows) =>
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (i, 1)), Sized(6, rows).RowRanges());

    private static EventBatch<ContactRated> Sized(int events, IReadOnlyList<int> rows) =>
        new([.. Enumerable.Range(0, events).Select(_ => BusTests.SampleEvent().ToByteArray())], new string?[events], rows);
}
