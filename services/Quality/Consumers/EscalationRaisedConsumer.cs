using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>R4: escalations raised between agencies and by referrers, a batch at a time.</summary>
internal sealed class EscalationRaisedConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes) : IConsumer<EventBatch<EscalationRaised>>
{
    public Task Consume(ConsumeContext<EventBatch<EscalationRaised>> context) =>
        context.ApplyOnceAndAnnounceAsync(dataSource, changes, nameof(EscalationRaisedConsumer),
            raised => (raised.EventId, new EscalationFact(raised.EscalationId, raised.ContactId, raised.Kind, raised.RaisedByAgency, EventFields.OccurredAt(raised.OccurredAt))),
            facts.RecordEscalationsAsync);
}
