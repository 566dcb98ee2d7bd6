using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>D2, O4: each contact's threshold decision (met: a referral), a batch at a time.</summary>
internal sealed class DecisionRecordedConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes) : IConsumer<EventBatch<DecisionRecorded>>
{
    public Task Consume(ConsumeContext<EventBatch<DecisionRecorded>> context) =>
        context.ApplyOnceAndAnnounceAsync(dataSource, changes, nameof(DecisionRecordedConsumer),
            decision => (decision.EventId, new DecisionFact(decision.ContactId, decision.AgencyId, decision.ThresholdMet, EventFields.OccurredAt(decision.OccurredAt))),
            facts.RecordDecisionsAsync);
}
