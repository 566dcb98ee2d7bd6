using Mash.Contracts.Events.V1;
using Mash.Timeliness.Clocks;
using MassTransit;

namespace Mash.Timeliness.Consumers;

/// <summary>Starts a contact's clock at its receipt.</summary>
internal sealed class ContactReceivedConsumer(ClockRecorder recorder) : IConsumer<ContactReceived>
{
    // The inbox key: stable, so renaming the class never makes old events look new.
    private const string InboxName = "timeliness.contact-received";

    public Task Consume(ConsumeContext<ContactReceived> context) =>
        recorder.RecordAsync(InboxName, ClockEvent.From(context.Message), context.CancellationToken);
}
