using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>T1: whether a decision came within its RAG target, as Timeliness measured it.</summary>
internal sealed class DecisionTimedConsumer(NpgsqlDataSource dataSource, FactStore facts) : IConsumer<DecisionTimed>
{
    public Task Consume(ConsumeContext<DecisionTimed> context)
    {
        var timing = context.Message;
        var fact = new DecisionTimingFact(timing.ContactId, timing.Rag, timing.WithinTarget, EventFields.OccurredAt(timing.OccurredAt));
        return EventInbox.ApplyOnceAsync(dataSource, nameof(DecisionTimedConsumer), EventFields.IdOf(timing.EventId, context.MessageId),
            transaction => facts.RecordDecisionTimingAsync(transaction, fact, context.CancellationToken), context.CancellationToken);
    }
}
