using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>R5: requests for information sent to partner agencies, a batch at a time.</summary>
internal sealed class InformationRequestedConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes) : IConsumer<EventBatch<InformationRequested>>
{
    public Task Consume(ConsumeContext<EventBatch<InformationRequested>> context) =>
        context.ApplyOnceAndAnnounceAsync(dataSource, changes, nameof(InformationRequestedConsumer),
            request => (request.EventId, new InformationRequestFact(request.RequestId, request.ContactId, request.AgencyId, EventFields.OccurredAt(request.OccurredAt))),
            facts.RecordInformationRequestsAsync);
}
