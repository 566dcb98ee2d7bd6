using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>T1: whether each decision came within its RAG target, as Timeliness measured it; a batch at a time.</summary>
internal sealed class DecisionTimedConsumer(NpgsqlDataSource dataSource, FactStore facts) : IConsumer<EventBatch<DecisionTimed>>
{
    public Task Consume(ConsumeContext<EventBatch<DecisionTimed>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(DecisionTimedConsumer),
            timing => (timing.EventId, new DecisionTimingFact(timing.ContactId, timing.Rag, timing.WithinTarget, EventFields.OccurredAt(timing.OccurredAt))),
            facts.RecordDecisionTimingsAsync);
}
