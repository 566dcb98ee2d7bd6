using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>O1: a case's outcome, known to Quality only by its pseudonymous case_ref; O3: whether it is a repeat referral.</summary>
internal sealed class OutcomeRecordedConsumer(NpgsqlDataSource dataSource, FactStore facts) : IConsumer<OutcomeRecorded>
{
    public Task Consume(ConsumeContext<OutcomeRecorded> context)
    {
        var outcome = context.Message;
        var fact = new OutcomeFact(outcome.CaseRef, outcome.Outcome, outcome.ThresholdMet, outcome.IsRepeatReferral, EventFields.OccurredAt(outcome.OccurredAt));
        return EventInbox.ApplyOnceAsync(dataSource, nameof(OutcomeRecordedConsumer), EventFields.IdOf(outcome.EventId, context.MessageId),
            transaction => facts.RecordOutcomeAsync(transaction, fact, context.CancellationToken), context.CancellationToken);
    }
}
