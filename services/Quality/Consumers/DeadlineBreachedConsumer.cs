using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>T4: deadlines breached, as Timeliness raised them, a batch at a time.</summary>
internal sealed class DeadlineBreachedConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes) : IConsumer<EventBatch<DeadlineBreached>>
{
    public Task Consume(ConsumeContext<EventBatch<DeadlineBreached>> context) =>
        context.ApplyOnceAndAnnounceAsync(dataSource, changes, nameof(DeadlineBreachedConsumer),
            breach => (breach.EventId, new DeadlineBreachFact(
                breach.ContactId, EventFields.OccurredAt(breach.DueAt), breach.Rag, breach.AgencyId, EventFields.OccurredAt(breach.OccurredAt))),
            facts.RecordBreachesAsync);
}
