using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Intake.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Grpc;
using Mash.Triage.Queue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mash.Triage.Tests.Infrastructure;

/// <summary>
/// Triage's parts wired as the service wires them (<see cref="Extensions.AddTriageDomain"/>), over
/// the test database and a fixed clock, with its shipped configuration unless a test gives its own.
/// The partnership's agencies are the ones the tests name (<see cref="KnownAgencies"/>) and a few of
/// this test's own (<see cref="NewAgency"/>), each configured as a real deployment configures them.
/// </summary>
internal sealed class TriageUnderTest
{
    /// <summary>Agencies every test may ask or answer as.</summary>
    public static readonly string[] KnownAgencies = ["police-west", "health-north"];

    private const int OwnAgencies = 8;

    private readonly ServiceProvider services;
    private readonly Queue<string> ownAgencies = new(Enumerable.Range(0, OwnAgencies).Select(_ => $"agency-{Guid.NewGuid():N}"));

    public TriageUnderTest(TriageDatabase database, IReadOnlyDictionary<string, string?>? settings = null, string? intakeAddress = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(AgenciesConfiguration([.. KnownAgencies, .. ownAgencies]))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton(database.DataSource);
        collection.AddSingleton(new EventOutbox());
        collection.AddAuditLog();
        collection.AddSingleton(AgencyCredentials.Read(configuration, []));
        collection.AddTriageDomain(configuration);
        collection.AddGrpcClient<IntakeService.IntakeServiceClient>(o => o.Address = new Uri(intakeAddress ?? "http://127.0.0.1:1"));
        services = collection.BuildServiceProvider();
    }

    public FixedTime Time { get; } = new(new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.Zero));

    public QueueStore Queue => services.GetRequiredService<QueueStore>();

    public ReceivedContacts Contacts => services.GetRequiredService<ReceivedContacts>();

    public TriageGrpcService Service => ActivatorUtilities.CreateInstance<TriageGrpcService>(services);

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A contact Intake announced, received <paramref name="minutesAgo"/> before the test's now; its id is new.</summary>
    public async Task<ContactReceived> ReceiveAsync(int minutesAgo = 10, string? contactId = null, string agencyId = "police-west",
        Pathway pathway = Pathway.Children, string contactType = "concern")
    {
        var received = Received(contactId ?? Guid.NewGuid().ToString(), Time.Now.AddMinutes(-minutesAgo));
        received.AgencyId = agencyId;
        received.Pathway = pathway;
        received.ContactType = contactType;
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
        Pathway = Pathway.Children,
        OccurredAt = Timestamp.FromDateTimeOffset(at),
        RecordedAt = Timestamp.FromDateTimeOffset(at.AddSeconds(1)),
    };

    /// <summary>
    /// One of the partnership's agencies that no other test uses, so a test's counts and filters see
    /// only its own contacts.
    /// </summary>
    public string NewAgency() => ownAgencies.TryDequeue(out var agency)
        ? agency
        : throw new InvalidOperationException($"A test asks for at most {OwnAgencies} agencies of its own.");

    /// <summary>Each agency as <c>Authentication:Agencies</c> lists it, with a token of its own no test presents.</summary>
    private static Dictionary<string, string?> AgenciesConfiguration(IReadOnlyList<string> agencies) => agencies
        .SelectMany((agency, i) => new KeyValuePair<string, string?>[]
        {
            new($"{AgencyCredentials.SectionName}:{i}:OrganisationId", agency),
            new($"{AgencyCredentials.SectionName}:{i}:TokenSha256", AgencyCredentials.HashOf($"{agency}-{Guid.NewGuid():N}")),
        })
        .ToDictionary();
}
