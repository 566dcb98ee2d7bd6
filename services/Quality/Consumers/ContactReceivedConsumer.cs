using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>D1, D4–D6: contacts received from agencies, of a type on a pathway.</summary>
internal sealed class ContactReceivedConsumer(NpgsqlDataSource dataSource, FactStore facts, FactChanges changes)
    : FactConsumer<ContactReceived, ContactFact>(dataSource, changes,
        contact => (contact.EventId, new ContactFact(contact.ContactId, contact.AgencyId, EventFields.OccurredAt(contact.OccurredAt), contact.ContactType, contact.Pathway)),
        facts.RecordContactsAsync);
