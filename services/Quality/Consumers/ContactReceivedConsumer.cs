using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>D1: a contact received from an agency.</summary>
internal sealed class ContactReceivedConsumer(NpgsqlDataSource dataSource, FactStore facts) : IConsumer<ContactReceived>
{
    public Task Consume(ConsumeContext<ContactReceived> context)
    {
        var contact = context.Message;
        var fact = new ContactFact(contact.ContactId, contact.AgencyId, EventFields.OccurredAt(contact.OccurredAt));
        return EventInbox.ApplyOnceAsync(dataSource, nameof(ContactReceivedConsumer), EventFields.IdOf(contact.EventId, context.MessageId),
            transaction => facts.RecordContactAsync(transaction, fact, context.CancellationToken), context.CancellationToken);
    }
}
