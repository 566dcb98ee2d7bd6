using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Facts;
using MassTransit;
using Npgsql;

namespace Mash.Timeliness.Consumers;

/// <summary>T2: the information requests the MASH sends partner agencies, a batch at a time.</summary>
internal sealed class InformationRequestedConsumer(NpgsqlDataSource database) : IConsumer<EventBatch<InformationRequested>>
{
    // The inbox key: stable, so renaming the class never makes old events look new.
    private const string InboxName = "timeliness.information-requested";

    public Task Consume(ConsumeContext<EventBatch<InformationRequested>> context) =>
        context.ApplyOnceAsync(database, InboxName, requested => (requested.EventId, InformationRequestFact.From(requested)), InformationRequestStore.RecordAsync);
}
