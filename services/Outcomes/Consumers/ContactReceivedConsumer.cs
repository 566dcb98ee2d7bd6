using Mash.Contracts.Events.V1;
using Mash.Outcomes.Journeys;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Consumers;

/// <summary>Who referred each contact, whether it repeats earlier contacts, and whether its subject had been referred already (O3); a batch at a time.</summary>
internal sealed class ContactReceivedConsumer(NpgsqlDataSource dataSource, JourneyStore journeys) : IConsumer<EventBatch<ContactReceived>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactReceived>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(ContactReceivedConsumer),
            contact => (contact.EventId, new JourneyReceipt(contact.ContactId, contact.AgencyId, contact.ReferralSource,
                IsRepeat: contact.RepeatsContactIds.Count > 0, IsRepeatReferral: contact.RepeatsReferralIds.Count > 0,
                ReceivedAt: contact.OccurredAt?.ToDateTime())),
            journeys.RecordReceivedAsync);
}
