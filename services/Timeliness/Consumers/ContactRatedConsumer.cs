using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Clocks;
using MassTransit;

namespace Mash.Timeliness.Consumers;

/// <summary>Sets (or, on a re-rating, moves) each contact's deadline to its rating's target, a batch at a time.</summary>
internal sealed class ContactRatedConsumer(ClockRecorder recorder) : IConsumer<EventBatch<ContactRated>>
{
    // The inbox key: stable, so renaming the class never makes old events look new.
    private const string InboxName = "timeliness.contact-rated";

    public Task Consume(ConsumeContext<EventBatch<ContactRated>> context) =>
        context.ApplyAsync((message, traceParent) => ClockEvent.From(message) with { TraceParent = traceParent },
            batch => recorder.RecordAsync(InboxName, batch, context.CancellationToken));
}
