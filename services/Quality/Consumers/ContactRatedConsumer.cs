using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>R1: contacts' ratings, a batch at a time; the latest by occurred_at is a contact's current RAG.</summary>
internal sealed class ContactRatedConsumer(NpgsqlDataSource dataSource, FactStore facts) : IConsumer<EventBatch<ContactRated>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactRated>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(ContactRatedConsumer),
            rating => (rating.EventId, new RatingFact(rating.ContactId, rating.Rag, EventFields.OccurredAt(rating.OccurredAt))),
            facts.RecordRatingsAsync);
}
