using Mash.Contracts.Events.V1;
using Mash.Outcomes.Agencies;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Consumers;

/// <summary>The agencies that answered Triage's information requests (O2), owed the outcome in turn (O4); a batch at a time.</summary>
internal sealed class InformationProvidedConsumer(NpgsqlDataSource dataSource, AgencyStore agencies) : IConsumer<EventBatch<InformationProvided>>
{
    public Task Consume(ConsumeContext<EventBatch<InformationProvided>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(InformationProvidedConsumer),
            provided => (provided.EventId, new Contribution(provided.ContactId, provided.AgencyId, EventFields.OccurredAt(provided.OccurredAt))),
            agencies.RecordContributionsAsync);
}
