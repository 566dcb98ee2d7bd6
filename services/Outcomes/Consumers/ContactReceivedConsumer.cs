using Mash.Contracts.Events.V1;
using Mash.Outcomes.Journeys;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Consumers;

/// <summary>Who referred each contact, whether it repeats earlier contacts, and whether its subject had been referred already (O3); a batch at a time.</summary>
internal sealed class ContactReceivedConsumer(NpgsqlDataSource dataSource, JourneyStore journeys) : IConsumer<Batch<ContactReceived>>
{
    public Task Consume(ConsumeContext<Batch<ContactReceived>> context) =>
        EventBatches.ApplyAsync(context, delivery =>
        {
            var contact = delivery.Message;
            return (EventId: EventFields.IdOf(contact.EventId, delivery.MessageId), Receipt: new JourneyReceipt(contact.ContactId, contact.AgencyId, contact.ReferralSource,
                IsRepeat: contact.RepeatsContactIds.Count > 0, IsRepeatReferral: contact.RepeatsReferralIds.Count > 0));
        },
        batch => EventInbox.ApplyNewAsync(dataSource, nameof(ContactReceivedConsumer), batch, e => e.EventId,
            (transaction, fresh) => journeys.RecordReceivedAsync(transaction, fresh.Select(e => e.Receipt), context.CancellationToken), context.CancellationToken));
}
