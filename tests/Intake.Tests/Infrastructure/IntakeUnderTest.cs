using System.Text;
using Mash.Intake.Audit;
using Mash.Intake.Contacts;
using Mash.Intake.Grpc;
using Mash.Intake.Listing;
using Mash.Intake.Progress;
using Mash.Intake.Repeats;
using Mash.Intake.Returns;
using Mash.Intake.Subjects;
using Mash.Intake.Validation;
using Mash.ServiceDefaults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>Intake's parts wired as the service wires them, over the test database and a fixed clock.</summary>
internal sealed class IntakeUnderTest(IntakeDatabase database)
{
    public FixedTime Time { get; } = new(new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.Zero).AddTicks(1234567));

    public SubjectPseudonyms Pseudonyms { get; } = new(Encoding.UTF8.GetBytes("a-test-key-of-at-least-thirty-two-chars"));

    public ContactStore Contacts => new();

    public RepeatFinder Repeats { get; set; } = new(RepeatWindow.TwelveMonths, 50);

    public GroupCommitOptions GroupCommit { get; set; } = new();

    public PartnershipClock Clock => new(Time, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    public ContactIntake Intake => new(new ContactBatchWriter(database.DataSource, new EventOutbox(), Repeats), Pseudonyms, Time, Options.Create(GroupCommit));

    public AuditLog Audit => new(database.DataSource, Time);

    public Refusals Refusals => new(Audit, NullLogger<Refusals>.Instance);

    public AuditedContactReads Reads => new(database.DataSource, Contacts, Audit);

    public ListingOptions ListingOptions { get; set; } = new();

    public ContactListing Listing => new(database.DataSource, Options.Create(ListingOptions));

    /// <summary>WatchContact's poll interval: short, so a test sees a change at once.</summary>
    public WatchOptions WatchOptions { get; set; } = new() { WatchPollInterval = TimeSpan.FromMilliseconds(20) };

    public TestLifetime Lifetime { get; } = new();

    public ContactProgress Progress => new(database.DataSource);

    public ReturnsOptions ReturnsOptions { get; set; } = new();

    public ReturnRecords ReturnRecords => new(database.DataSource, Pseudonyms, Repeats, Audit);

    public ReturnExport Returns => new(ReturnRecords, TestContacts.Vocabulary, ReturnsOptions, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    /// <summary>The partnership's configured agencies, on whose behalf an importer submits.</summary>
    public AgencyCredentials Agencies { get; } = new([
        (TestCallers.PoliceWest, AgencyCredentials.HashOf("police-token")),
        ("st-marys-school", AgencyCredentials.HashOf("school-token")),
    ]);

    public EarlierDecisions EarlierDecisions => new(database.DataSource);

    public IntakeGrpcService Service => ServiceOver(Intake);

    /// <summary>The gRPC service over <paramref name="intake"/> and the rest of these parts.</summary>
    public IntakeGrpcService ServiceOver(ContactIntake intake) =>
        new(intake, Reads, TestContacts.Vocabulary, Listing, Progress, Options.Create(WatchOptions), Lifetime, Clock, Audit, Refusals, Agencies, EarlierDecisions);

    /// <summary>The contact as <see cref="ContactStore.FindAsync"/> reads it for <paramref name="caller"/> (not audited); null if missing or refused.</summary>
    public async Task<StoredContact?> FindAsync(Guid contactId, CallerAgency caller, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return (await Contacts.FindAsync(transaction, contactId, caller, cancellationToken)).Contact;
    }
}

/// <summary>An application lifetime whose stopping the test triggers.</summary>
internal sealed class TestLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime
{
    private readonly CancellationTokenSource stopping = new();

    public CancellationToken ApplicationStarted => CancellationToken.None;
    public CancellationToken ApplicationStopping => stopping.Token;
    public CancellationToken ApplicationStopped => CancellationToken.None;

    public void StopApplication() => stopping.Cancel();
}
