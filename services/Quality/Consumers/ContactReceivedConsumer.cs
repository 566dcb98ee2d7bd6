using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>D1, D4–D6: contacts received from agencies, of a type on a pathway, a batch at a time.</summary>
internal sealed class ContactReceivedConsumer(NpgsqlDataSource dataSource, FactStore facts, FactChanges changes) : IConsumer<EventBatch<ContactReceived>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactReceived>> context) =>
        context.ApplyOnceAndAnnounceAsync(dataSource, changes, nameof(ContactReceivedConsumer),
            contact => (contact.EventId, new ContactFact(contact.ContactId, contact.AgencyId, EventFields.OccurredAt(contact.OccurredAt), contact.ContactType, contact.Pathway)),
            facts.RecordContactsAsync);
}
