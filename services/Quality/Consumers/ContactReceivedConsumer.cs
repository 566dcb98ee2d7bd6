using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>D1: contacts received from agencies, a batch at a time.</summary>
internal sealed class ContactReceivedConsumer(NpgsqlDataSource dataSource, FactStore facts) : IConsumer<Batch<ContactReceived>>
{
    public Task Consume(ConsumeContext<Batch<ContactReceived>> context) =>
        EventBatches.ApplyAsync(context, delivery =>
        {
            var contact = delivery.Message;
            return (EventId: EventFields.IdOf(contact.EventId, delivery.MessageId), Fact: new ContactFact(contact.ContactId, contact.AgencyId, EventFields.OccurredAt(contact.OccurredAt)));
        },
        batch => EventInbox.ApplyNewAsync(dataSource, nameof(ContactReceivedConsumer), batch, e => e.EventId,
            (transaction, fresh) => facts.RecordContactsAsync(transaction, fresh.Select(e => e.Fact), context.CancellationToken), context.CancellationToken));
}
