using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>O1: cases' outcomes, known to Quality only by their pseudonymous case_ref; O3: whether each is a repeat referral. A batch at a time.</summary>
internal sealed class OutcomeRecordedConsumer(NpgsqlDataSource dataSource, FactStore facts) : IConsumer<Batch<OutcomeRecorded>>
{
    public Task Consume(ConsumeContext<Batch<OutcomeRecorded>> context) =>
        EventBatches.ApplyAsync(context, delivery =>
        {
            var outcome = delivery.Message;
            return (EventId: EventFields.IdOf(outcome.EventId, delivery.MessageId), Fact: new OutcomeFact(outcome.CaseRef, outcome.Outcome, outcome.ThresholdMet, outcome.IsRepeatReferral, EventFields.OccurredAt(outcome.OccurredAt)));
        },
        batch => EventInbox.ApplyNewAsync(dataSource, nameof(OutcomeRecordedConsumer), batch, e => e.EventId,
            (transaction, fresh) => facts.RecordOutcomesAsync(transaction, fresh.Select(e => e.Fact), context.CancellationToken), context.CancellationToken));
}
