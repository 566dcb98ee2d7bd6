using Mash.Contracts.Events.V1;
using Mash.Triage.Queue;
using MassTransit;

namespace Mash.Triage.Consumers;

/// <summary>Puts each contact Intake announces into the screening queue.</summary>
internal sealed class ContactReceivedConsumer(ReceivedContacts contacts) : IConsumer<ContactReceived>
{
    public Task Consume(ConsumeContext<ContactReceived> context) =>
        contacts.ReceiveAsync(context.Message, context.CancellationToken);
}
