using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Facts;
using MassTransit;
using Npgsql;

namespace Mash.Timeliness.Consumers;

/// <summary>
/// T5: the incident each contact reports, a batch at a time. Its own queue beside the clocks', so
/// the clock's recorder stays about the decision's deadline; completion is the clock's decision.
/// </summary>
internal sealed class ContactIncidentConsumer(NpgsqlDataSource database) : IConsumer<EventBatch<ContactReceived>>
{
    // The inbox key: stable, so renaming the class never makes old events look new.
    private const string InboxName = "timeliness.contact-incident";

    public Task Consume(ConsumeContext<EventBatch<ContactReceived>> context) =>
        context.ApplyOnceAsync(database, InboxName, received => (received.EventId, IncidentFact.From(received)), IncidentStore.RecordAsync);
}
