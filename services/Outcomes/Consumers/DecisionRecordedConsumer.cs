using Mash.Contracts.Events.V1;
using Mash.Outcomes.Journeys;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Consumers;

/// <summary>The threshold decision: only a decided contact can have an outcome.</summary>
internal sealed class DecisionRecordedConsumer(NpgsqlDataSource dataSource, JourneyStore journeys) : IConsumer<DecisionRecorded>
{
    public Task Consume(ConsumeContext<DecisionRecorded> context)
    {
        var decision = context.Message;
        var occurredAt = EventFields.OccurredAt(decision.OccurredAt);
        return EventInbox.ApplyOnceAsync(dataSource, nameof(DecisionRecordedConsumer), EventFields.IdOf(decision.EventId, context.MessageId), transaction =>
            journeys.RecordDecisionAsync(transaction, decision.ContactId, decision.ThresholdMet, occurredAt, context.CancellationToken), context.CancellationToken);
    }
}
