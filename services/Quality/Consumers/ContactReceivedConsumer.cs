using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>D1: contacts received from agencies, a batch at a time.</summary>
internal sealed class ContactReceivedConsumer(NpgsqlDataSource dataSource, FactStore facts) : IConsumer<EventBatch<ContactReceived>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactReceived>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(ContactReceivedConsumer),
            contact => (contact.EventId, new ContactFact(contact.ContactId, contact.AgencyId, EventFields.OccurredAt(contact.OccurredAt))),
            facts.RecordContactsAsync);
}
