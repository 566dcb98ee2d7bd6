using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Facts;
using MassTransit;
using Npgsql;

namespace Mash.Timeliness.Consumers;

/// <summary>T2: partner agencies' answers to information requests, a batch at a time.</summary>
internal sealed class InformationProvidedConsumer(NpgsqlDataSource database) : IConsumer<EventBatch<InformationProvided>>
{
    // The inbox key: stable, so renaming the class never makes old events look new.
    private const string InboxName = "timeliness.information-provided";

    public Task Consume(ConsumeContext<EventBatch<InformationProvided>> context) =>
        context.ApplyOnceAsync(database, InboxName, provided => (provided.EventId, InformationRequestFact.From(provided)), InformationRequestStore.RecordAsync);
}
