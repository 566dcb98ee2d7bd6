using Mash.Testing.Messaging;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Intake.Progress;
using Npgsql;

namespace Mash.Intake.Tests.Progress;

/// <summary>The three events that move a contact on, delivered to Intake's consumers in batches as the bus would.</summary>
internal sealed class ProgressEvents(NpgsqlDataSource dataSource)
{
    public static readonly DateTimeOffset At = new(2025, 6, 3, 11, 0, 0, TimeSpan.Zero);

    public static ContactRated Rated(string contactId) => new()
    {
        EventId = Guid.NewGuid().ToString(), ContactId = contactId, Rag = Rag.Amber, PractitionerId = "sw-1",
        OccurredAt = Timestamp.FromDateTimeOffset(At), RecordedAt = Timestamp.FromDateTimeOffset(At),
    };

    public static DecisionRecorded Decided(string contactId) => new()
    {
        EventId = Guid.NewGuid().ToString(), ContactId = contactId, ThresholdMet = true, PractitionerId = "sw-1",
        OccurredAt = Timestamp.FromDateTimeOffset(At.AddHours(1)), RecordedAt = Timestamp.FromDateTimeOffset(At.AddHours(1)),
    };

    public static ContactOutcomeFedBack FedBack(string contactId, string outcome = "early-help", int revision = 0) => new()
    {
        EventId = Guid.NewGuid().ToString(), ContactId = contactId, Outcome = outcome, Revision = revision,
        OccurredAt = Timestamp.FromDateTimeOffset(At.AddHours(2)), RecordedAt = Timestamp.FromDateTimeOffset(At.AddHours(2)),
    };

    public Task ConsumeAsync(params ContactRated[] batch) => new ContactRatedProgressConsumer(dataSource).Consume(DeliveredBatch.Of(batch));

    public Task ConsumeAsync(params DecisionRecorded[] batch) => new DecisionRecordedProgressConsumer(dataSource).Consume(DeliveredBatch.Of(batch));

    public Task ConsumeAsync(params ContactOutcomeFedBack[] batch) => new ContactOutcomeFedBackConsumer(dataSource).Consume(DeliveredBatch.Of(batch));
}
