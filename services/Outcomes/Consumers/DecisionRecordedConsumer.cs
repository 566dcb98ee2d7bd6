using Mash.Contracts.Events.V1;
using Mash.Outcomes.Journeys;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Consumers;

/// <summary>The threshold decisions, a batch at a time: only a decided contact can have an outcome.</summary>
internal sealed class DecisionRecordedConsumer(NpgsqlDataSource dataSource, JourneyStore journeys) : IConsumer<Batch<DecisionRecorded>>
{
    public Task Consume(ConsumeContext<Batch<DecisionRecorded>> context) =>
        EventBatches.ApplyAsync(context, delivery =>
        {
            var decision = delivery.Message;
            return (EventId: EventFields.IdOf(decision.EventId, delivery.MessageId), Decision: new JourneyDecision(decision.ContactId, decision.ThresholdMet, EventFields.OccurredAt(decision.OccurredAt)));
        },
        batch => EventInbox.ApplyNewAsync(dataSource, nameof(DecisionRecordedConsumer), batch, e => e.EventId,
            (transaction, fresh) => journeys.RecordDecisionsAsync(transaction, fresh.Select(e => e.Decision), context.CancellationToken), context.CancellationToken));
}
