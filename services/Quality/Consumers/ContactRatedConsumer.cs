using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>R1: contacts' ratings, a batch at a time; the latest by occurred_at is a contact's current RAG.</summary>
internal sealed class ContactRatedConsumer(NpgsqlDataSource dataSource, FactStore facts) : IConsumer<Batch<ContactRated>>
{
    public Task Consume(ConsumeContext<Batch<ContactRated>> context) =>
        EventBatches.ApplyAsync(context, delivery =>
        {
            var rating = delivery.Message;
            return (EventId: EventFields.IdOf(rating.EventId, delivery.MessageId), Fact: new RatingFact(rating.ContactId, rating.Rag, EventFields.OccurredAt(rating.OccurredAt)));
        },
        batch => EventInbox.ApplyNewAsync(dataSource, nameof(ContactRatedConsumer), batch, e => e.EventId,
            (transaction, fresh) => facts.RecordRatingsAsync(transaction, fresh.Select(e => e.Fact), context.CancellationToken), context.CancellationToken));
}
