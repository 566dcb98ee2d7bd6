using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Grpc;
using Mash.Triage.Queue;
using Microsoft.Extensions.Options;

namespace Mash.Triage.Tests.Infrastructure;

/// <summary>Triage's parts wired as the service wires them, over the test database and a fixed clock.</summary>
internal sealed class TriageUnderTest(TriageDatabase database)
{
    public FixedTime Time { get; } = new(new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.Zero));

    public QueueStore Queue => new(database.DataSource);

    public ReceivedContacts Contacts => new(database.DataSource, Queue);

    public TriageGrpcService Service => new(new Screening(database.DataSource, Queue, new EventOutbox(), Time), Options.Create(new QueueOptions()));

    /// <summary>A contact Intake announced, received <paramref name="minutesAgo"/> before the test's now; its id is new.</summary>
    public async Task<ContactReceived> ReceiveAsync(int minutesAgo = 10, string? contactId = null)
    {
        var received = Received(contactId ?? $"c-{Guid.NewGuid():N}", Time.Now.AddMinutes(-minutesAgo));
        await Contacts.ReceiveAsync([received], CancellationToken.None);
        return received;
    }

    public static ContactReceived Received(string contactId, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        ContactId = contactId,
        AgencyId = "police-west",
        ReferralSource = "6",
        ContactType = "concern",
        PresentingIssues = { "domestic-abuse", "neglect" },
        OccurredAt = Timestamp.FromDateTimeOffset(at),
        RecordedAt = Timestamp.FromDateTimeOffset(at.AddSeconds(1)),
    };
}
