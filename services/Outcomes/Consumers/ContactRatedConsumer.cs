using Mash.Contracts.Events.V1;
using Mash.Outcomes.Journeys;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Consumers;

/// <summary>The initial and final RAG of each contact (R3 compares them with the outcome); a batch at a time.</summary>
internal sealed class ContactRatedConsumer(NpgsqlDataSource dataSource, JourneyStore journeys) : IConsumer<EventBatch<ContactRated>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactRated>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(ContactRatedConsumer),
            rating => (rating.EventId, new JourneyRating(rating.ContactId, rating.Rag, EventFields.OccurredAt(rating.OccurredAt))),
            journeys.RecordRatingsAsync);
}
