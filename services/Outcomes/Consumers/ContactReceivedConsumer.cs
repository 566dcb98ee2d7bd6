using Mash.Contracts.Events.V1;
using Mash.Outcomes.Journeys;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Consumers;

/// <summary>Who referred the contact, whether it repeats earlier contacts, and whether its subject had been referred already (O3).</summary>
internal sealed class ContactReceivedConsumer(NpgsqlDataSource dataSource, JourneyStore journeys) : IConsumer<ContactReceived>
{
    public Task Consume(ConsumeContext<ContactReceived> context)
    {
        var contact = context.Message;
        var isRepeat = contact.RepeatsContactIds.Count > 0;
        var isRepeatReferral = contact.RepeatsReferralIds.Count > 0;
        return EventInbox.ApplyOnceAsync(dataSource, nameof(ContactReceivedConsumer), EventFields.IdOf(contact.EventId, context.MessageId),
            transaction => journeys.RecordReceivedAsync(transaction, contact.ContactId, contact.AgencyId, contact.ReferralSource, isRepeat, isRepeatReferral, context.CancellationToken),
            context.CancellationToken);
    }
}
