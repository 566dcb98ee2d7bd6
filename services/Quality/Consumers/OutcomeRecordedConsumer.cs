using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>O1: cases' outcomes, known to Quality only by their pseudonymous case_ref; O3: whether each is a repeat referral.</summary>
internal sealed class OutcomeRecordedConsumer(NpgsqlDataSource dataSource, FactStore facts, FactChanges changes)
    : FactConsumer<OutcomeRecorded, OutcomeFact>(dataSource, changes,
        outcome => (outcome.EventId, new OutcomeFact(outcome.CaseRef, outcome.Outcome, outcome.ThresholdMet, outcome.IsRepeatReferral, EventFields.OccurredAt(outcome.OccurredAt))),
        facts.RecordOutcomesAsync);
