using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>T1: whether each decision came within its RAG target, as Timeliness measured it; a batch at a time.</summary>
internal sealed class DecisionTimedConsumer(NpgsqlDataSource dataSource, FactStore facts) : IConsumer<Batch<DecisionTimed>>
{
    public Task Consume(ConsumeContext<Batch<DecisionTimed>> context) =>
        EventBatches.ApplyAsync(context, delivery =>
        {
            var timing = delivery.Message;
            return (EventId: EventFields.IdOf(timing.EventId, delivery.MessageId), Fact: new DecisionTimingFact(timing.ContactId, timing.Rag, timing.WithinTarget, EventFields.OccurredAt(timing.OccurredAt)));
        },
        batch => EventInbox.ApplyNewAsync(dataSource, nameof(DecisionTimedConsumer), batch, e => e.EventId,
            (transaction, fresh) => facts.RecordDecisionTimingsAsync(transaction, fresh.Select(e => e.Fact), context.CancellationToken), context.CancellationToken));
}
