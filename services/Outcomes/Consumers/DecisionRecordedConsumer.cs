using Mash.Contracts.Events.V1;
using Mash.Outcomes.Journeys;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Consumers;

/// <summary>The threshold decisions, a batch at a time: only a decided contact can have an outcome.</summary>
internal sealed class DecisionRecordedConsumer(NpgsqlDataSource dataSource, JourneyStore journeys) : IConsumer<EventBatch<DecisionRecorded>>
{
    public Task Consume(ConsumeContext<EventBatch<DecisionRecorded>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(DecisionRecordedConsumer),
            decision => (decision.EventId, new JourneyDecision(decision.ContactId, decision.ThresholdMet, EventFields.OccurredAt(decision.OccurredAt))),
            journeys.RecordDecisionsAsync);
}
