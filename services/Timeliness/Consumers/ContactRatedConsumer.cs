using Mash.Contracts.Events.V1;
using Mash.Timeliness.Clocks;
using MassTransit;

namespace Mash.Timeliness.Consumers;

/// <summary>Sets (or, on a re-rating, moves) the deadline to the rating's target.</summary>
internal sealed class ContactRatedConsumer(ClockRecorder recorder) : IConsumer<ContactRated>
{
    // The inbox key: stable, so renaming the class never makes old events look new.
    private const string InboxName = "timeliness.contact-rated";

    public Task Consume(ConsumeContext<ContactRated> context) =>
        recorder.RecordAsync(InboxName, ClockEvent.From(context.Message), context.CancellationToken);
}
