using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Queue;
using MassTransit;

namespace Mash.Triage.Consumers;

/// <summary>Puts the contacts Intake announces into the screening queue, a batch at a time.</summary>
internal sealed class ContactReceivedConsumer(ReceivedContacts contacts) : IConsumer<EventBatch<ContactReceived>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactReceived>> context) =>
        context.ApplyAsync((received, _) => ReceivedContacts.Announced(received),
            announced => contacts.QueueAsync(announced, context.CancellationToken));
}
