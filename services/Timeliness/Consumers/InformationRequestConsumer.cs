using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Facts;
using MassTransit;
using Npgsql;

namespace Mash.Timeliness.Consumers;

/// <summary>
/// T2: the information requests the MASH sends partner agencies and their answers, a batch at a
/// time, on one queue: both complete the same request's row, in whichever order they come.
/// </summary>
internal sealed class InformationRequestConsumer(NpgsqlDataSource database) : IConsumer<EventBatch<InformationRequested>>, IConsumer<EventBatch<InformationProvided>>
{
    // The inbox keys: stable, so renaming the class never makes old events look new.
    private const string RequestedInbox = "timeliness.information-requested";
    private const string ProvidedInbox = "timeliness.information-provided";

    public Task Consume(ConsumeContext<EventBatch<InformationRequested>> context) =>
        context.ApplyOnceAsync(database, RequestedInbox, requested => (requested.EventId, InformationRequestFact.From(requested)), InformationRequestStore.RecordAsync);

    public Task Consume(ConsumeContext<EventBatch<InformationProvided>> context) =>
        context.ApplyOnceAsync(database, ProvidedInbox, provided => (provided.EventId, InformationRequestFact.From(provided)), InformationRequestStore.RecordAsync);
}
