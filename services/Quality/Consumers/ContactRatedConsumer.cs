using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>R1: a contact's rating; the latest by occurred_at is its current RAG.</summary>
internal sealed class ContactRatedConsumer(NpgsqlDataSource dataSource, FactStore facts) : IConsumer<ContactRated>
{
    public Task Consume(ConsumeContext<ContactRated> context)
    {
        var rating = context.Message;
        var fact = new RatingFact(rating.ContactId, rating.Rag, EventFields.OccurredAt(rating.OccurredAt));
        return EventInbox.ApplyOnceAsync(dataSource, nameof(ContactRatedConsumer), EventFields.IdOf(rating.EventId, context.MessageId),
            transaction => facts.RecordRatingAsync(transaction, fact, context.CancellationToken), context.CancellationToken);
    }
}
