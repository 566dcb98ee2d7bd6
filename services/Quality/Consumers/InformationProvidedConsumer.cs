using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>T2: partner agencies' answers and how long each took, a batch at a time.</summary>
internal sealed class InformationProvidedConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes) : IConsumer<EventBatch<InformationProvided>>
{
    public Task Consume(ConsumeContext<EventBatch<InformationProvided>> context) =>
        context.ApplyOnceAndAnnounceAsync(dataSource, changes, nameof(InformationProvidedConsumer),
            answer => (answer.EventId, new InformationResponseFact(
                answer.RequestId, answer.AgencyId, EventFields.OccurredAt(answer.RequestedAt), answer.ResponseBand, EventFields.OccurredAt(answer.OccurredAt))),
            facts.RecordInformationResponsesAsync);
}
