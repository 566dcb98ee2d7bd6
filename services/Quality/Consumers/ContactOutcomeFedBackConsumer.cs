using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>O4: the referrer told a contact's outcome, a batch at a time.</summary>
internal sealed class ContactOutcomeFedBackConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes) : IConsumer<EventBatch<ContactOutcomeFedBack>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactOutcomeFedBack>> context) =>
        context.ApplyOnceAndAnnounceAsync(dataSource, changes, nameof(ContactOutcomeFedBackConsumer),
            fedBack => (fedBack.EventId, new FeedbackFact(fedBack.ContactId, EventFields.OccurredAt(fedBack.OccurredAt))),
            facts.RecordFeedbackAsync);
}
