using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>O1: cases' outcomes, known to Quality only by their pseudonymous case_ref; O3: whether each is a repeat referral. A batch at a time.</summary>
internal sealed class OutcomeRecordedConsumer(NpgsqlDataSource dataSource, FactStore facts, FactChanges changes) : IConsumer<EventBatch<OutcomeRecorded>>
{
    public Task Consume(ConsumeContext<EventBatch<OutcomeRecorded>> context) =>
        context.ApplyOnceAndAnnounceAsync(dataSource, changes, nameof(OutcomeRecordedConsumer),
            outcome => (outcome.EventId, new OutcomeFact(outcome.CaseRef, outcome.Outcome, outcome.ThresholdMet, outcome.IsRepeatReferral, EventFields.OccurredAt(outcome.OccurredAt))),
            facts.RecordOutcomesAsync);
}
