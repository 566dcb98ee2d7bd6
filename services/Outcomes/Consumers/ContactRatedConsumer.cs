using Mash.Contracts.Events.V1;
using Mash.Outcomes.Journeys;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Consumers;

/// <summary>The initial and final RAG of each contact (R3 compares them with the outcome); a batch at a time.</summary>
internal sealed class ContactRatedConsumer(NpgsqlDataSource dataSource, JourneyStore journeys) : IConsumer<Batch<ContactRated>>
{
    public Task Consume(ConsumeContext<Batch<ContactRated>> context) =>
        EventBatches.ApplyAsync(context, delivery =>
        {
            var rating = delivery.Message;
            return (EventId: EventFields.IdOf(rating.EventId, delivery.MessageId), Rating: new JourneyRating(rating.ContactId, rating.Rag, EventFields.OccurredAt(rating.OccurredAt)));
        },
        batch => EventInbox.ApplyNewAsync(dataSource, nameof(ContactRatedConsumer), batch, e => e.EventId,
            (transaction, fresh) => journeys.RecordRatingsAsync(transaction, fresh.Select(e => e.Rating), context.CancellationToken), context.CancellationToken));
}
