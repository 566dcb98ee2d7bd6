using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>T1: whether each decision came within its RAG target, as Timeliness measured it.</summary>
internal sealed class DecisionTimedConsumer(NpgsqlDataSource dataSource, FactStore facts, FactChanges changes)
    : FactConsumer<DecisionTimed, DecisionTimingFact>("DecisionTimedConsumer", dataSource, changes,
        timing => (timing.EventId, new DecisionTimingFact(timing.ContactId, timing.Rag, timing.WithinTarget, EventFields.OccurredAt(timing.OccurredAt))),
        facts.RecordDecisionTimingsAsync);
