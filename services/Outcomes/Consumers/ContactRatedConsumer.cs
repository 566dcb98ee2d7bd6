using Mash.Contracts.Events.V1;
using Mash.Outcomes.Journeys;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Consumers;

/// <summary>The initial and final RAG of the contact (R3 compares them with the outcome).</summary>
internal sealed class ContactRatedConsumer(NpgsqlDataSource dataSource, JourneyStore journeys) : IConsumer<ContactRated>
{
    public Task Consume(ConsumeContext<ContactRated> context)
    {
        var rating = context.Message;
        var occurredAt = EventFields.OccurredAt(rating.OccurredAt);
        return EventInbox.ApplyOnceAsync(dataSource, nameof(ContactRatedConsumer), EventFields.IdOf(rating.EventId, context.MessageId), transaction =>
            journeys.RecordRatingAsync(transaction, rating.ContactId, rating.Rag, occurredAt, context.CancellationToken), context.CancellationToken);
    }
}
