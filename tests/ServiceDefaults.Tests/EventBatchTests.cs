using Google.Protobuf;
using Mash.ServiceDefaults.Tests.Events;
using Mash.Testing.Messaging;

namespace Mash.ServiceDefaults.Tests;

/// <summary>A batch carries each event's protobuf encoding; a body that is not one is refused alone.</summary>
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
            ids => { applied.AddRange(ids); return Task.CompletedTask; }));

        Assert.Equal([first.ContactId, last.ContactId], applied);
        Assert.IsType<InvalidProtocolBufferException>(Assert.Single(failure.InnerExceptions));
    }
}
