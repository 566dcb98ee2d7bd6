using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Clocks;
using MassTransit;

namespace Mash.Timeliness.Consumers;

/// <summary>Starts each contact's clock at its receipt, a batch at a time.</summary>
internal sealed class ContactReceivedConsumer(ClockRecorder recorder) : IConsumer<EventBatch<ContactReceived>>
{
    // The inbox key: stable, so renaming the class never makes old events look new.
    private const string InboxName = "timeliness.contact-received";

    public Task Consume(ConsumeContext<EventBatch<ContactReceived>> context) =>
        context.ApplyAsync((message, traceParent) => ClockEvent.From(message) with { TraceParent = traceParent },
            batch => recorder.RecordAsync(InboxName, batch, context.CancellationToken));
}
