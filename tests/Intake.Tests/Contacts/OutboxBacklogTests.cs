using System.Diagnostics.Metrics;
using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Grpc;
using Mash.Intake.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mash.Intake.Tests.Contacts;

/// <summary>
/// Admission control on the outbox's backlog: while more than <c>Intake:MaxUnpublishedEvents</c>
/// events wait to be published (here the test reports the backlog), SubmitContact is answered
/// RESOURCE_EXHAUSTED at once and stores nothing, and a bulk import's contacts wait, untaken, until
/// the backlog falls.
/// </summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class OutboxBacklogTests(IntakeDatabase database) : IDisposable
{
    private const int Bound = 100;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    // Several of ContactIntake's backlog recheck (150 ms): long enough for a held-back import to have gone on, were it not held.
    private static readonly TimeSpan HeldFor = TimeSpan.FromMilliseconds(600);

    private readonly IntakeUnderTest intake = new(database);
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly Backlog backlog = new();

    public void Dispose() => meters.Dispose();

    /// <summary>Intake's parts holding back beyond <see cref="Bound"/> unpublished events, as <see cref="backlog"/> reports them.</summary>
    private (ContactIntake Contacts, IntakeGrpcService Service) IntakeOnBacklog()
    {
        var contacts = new ContactIntake(
            new ContactBatchWriter(database.DataSource, new EventOutbox(), intake.Repeats), intake.Pseudonyms, intake.Time,
            Options.Create(new GroupCommitOptions { MaxUnpublishedEvents = Bound }), meters.GetRequiredService<IMeterFactory>(),
            unpublishedEvents: () => backlog.Events);
        var service = intake.ServiceOver(contacts);
        return (contacts, service);
    }

    private Task<long> StoredAsync(string requestId) =>
        database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", requestId);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10_000_000, true)]
    [InlineData(10_000_001, false)]
    public void The_bound_must_be_from_1_to_10_million(int maxUnpublishedEvents, bool usable) =>
        Assert.Equal(usable, new GroupCommitOptions { MaxUnpublishedEvents = maxUnpublishedEvents }.IsUsable);

    [Fact]
    public void The_bound_defaults_to_10_000() => Assert.Equal(10_000, new GroupCommitOptions().MaxUnpublishedEvents);

    [Fact]
    public void The_service_registration_builds_ContactIntake_beside_the_service_defaults_OutboxWaiting()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = database.DataSource.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = "amqp://guest:guest@127.0.0.1:1",
            ["Intake:PseudonymKey"] = "a-test-key-of-at-least-thirty-two-chars",
        });
        builder.AddServiceDefaults();
        builder.AddIntake();
        using var app = builder.Build();

        // Built by ActivatorUtilities with the backlog read from OutboxWaiting (nothing is started, so no sample is taken).
        Assert.Equal(0, app.Services.GetRequiredService<ContactIntake>().Waiting);
        Assert.Null(app.Services.GetRequiredService<OutboxWaiting>().Events);
    }

    // The ids as one array parameter (a string[] would otherwise be taken as the params array itself).
    private Task<long> StoredAsync(IEnumerable<SubmitContactRequest> requests) =>
        database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = ANY($1)", (object)requests.Select(r => r.RequestId).ToArray());

    private Task<long> AllStoredAsync() => database.CountAsync("SELECT count(*) FROM contacts");

    [Fact]
    public async Task SubmitContact_beyond_the_bound_is_RESOURCE_EXHAUSTED_naming_the_backlog_and_stores_nothing()
    {
        var (contacts, service) = IntakeOnBacklog();
        using var shed = new ShedCounter(meters.GetRequiredService<IMeterFactory>());
        backlog.Events = Bound + 1;
        var request = TestContacts.Request();
        var before = await AllStoredAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.SubmitContact(request, TestCallers.Agency()));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains($"holding back: {Bound + 1} events wait to be announced downstream", refused.Status.Detail);
        var retryInfo = Assert.Single(refused.GetRpcStatus()!.Details).Unpack<RetryInfo>();
        Assert.Equal(IntakeGrpcService.SaturatedRetryDelay, retryInfo.RetryDelay.ToTimeSpan());
        Assert.Equal(0, await StoredAsync(request.RequestId));
        Assert.Equal(before, await AllStoredAsync());
        Assert.Equal(1, shed.Total);
        Assert.Equal(0, contacts.Waiting);
    }

    [Theory]
    [InlineData((long)Bound)]
    [InlineData(0L)]
    [InlineData(null)]
    public async Task SubmitContact_at_or_below_the_bound_or_with_the_backlog_unknown_is_stored_as_usual(long? events)
    {
        var (_, service) = IntakeOnBacklog();
        using var shed = new ShedCounter(meters.GetRequiredService<IMeterFactory>());
        backlog.Events = events;
        var request = TestContacts.Request();

        var receipt = await service.SubmitContact(request, TestCallers.Agency());

        Assert.Equal(ContactStatus.Received, receipt.Status);
        Assert.Equal(1, await StoredAsync(request.RequestId));
        Assert.Equal(0, shed.Total);
    }

    [Fact]
    public async Task A_bulk_import_beyond_the_bound_waits_untaken_until_the_backlog_falls_then_stores_every_contact_once()
    {
        var (contacts, service) = IntakeOnBacklog();
        using var shed = new ShedCounter(meters.GetRequiredService<IMeterFactory>());
        backlog.Events = Bound + 1;
        var bulk = Enumerable.Range(0, 3).Select(_ => TestContacts.Request()).ToList();
        var results = new TestStreamWriter<SubmitContactResult>();

        var import = service.SubmitContacts(new TestStreamReader<SubmitContactRequest>(bulk), results, TestCallers.Agency());
        await Task.Delay(HeldFor);
        var (doneWhileHeld, answeredWhileHeld, waitingWhileHeld) = (import.IsCompleted, results.Written.Count, contacts.Waiting);
        var storedWhileHeld = await StoredAsync(bulk);

        backlog.Events = Bound;
        await import.WaitAsync(HangGuard);

        Assert.Equal((false, 0, 0, 0L), (doneWhileHeld, answeredWhileHeld, waitingWhileHeld, storedWhileHeld));
        Assert.Equal(bulk.Select(r => r.RequestId), results.Written.Select(r => r.RequestId));
        Assert.All(results.Written, r => Assert.Equal(SubmitContactResult.ResultOneofCase.Accepted, r.ResultCase));
        foreach (var request in bulk)
        {
            Assert.Equal(1, await StoredAsync(request.RequestId));
        }
        Assert.Equal(0, shed.Total);
    }

    [Fact]
    public async Task A_batch_import_beyond_the_bound_waits_until_the_backlog_falls_then_stores_every_contact_once()
    {
        var (_, service) = IntakeOnBacklog();
        backlog.Events = Bound + 1;
        var batch = new SubmitContactBatch { Contacts = { Enumerable.Range(0, 3).Select(_ => TestContacts.Request()) } };
        var results = new TestStreamWriter<SubmitContactBatchResult>();

        var import = service.SubmitContactBatches(new TestStreamReader<SubmitContactBatch>([batch]), results, TestCallers.Agency());
        await Task.Delay(HeldFor);
        var (doneWhileHeld, storedWhileHeld) = (import.IsCompleted, await StoredAsync(batch.Contacts));

        backlog.Events = null;
        await import.WaitAsync(HangGuard);

        Assert.Equal((false, 0L), (doneWhileHeld, storedWhileHeld));
        var answered = Assert.Single(results.Written);
        Assert.Equal(batch.Contacts.Select(r => r.RequestId), answered.Results.Select(r => r.RequestId));
        Assert.All(answered.Results, r => Assert.Equal(SubmitContactResult.ResultOneofCase.Accepted, r.ResultCase));
        foreach (var request in batch.Contacts)
        {
            Assert.Equal(1, await StoredAsync(request.RequestId));
        }
    }

    [Fact]
    public async Task A_bulk_import_cancelled_while_held_back_stores_nothing_even_once_the_backlog_falls()
    {
        var (contacts, service) = IntakeOnBacklog();
        backlog.Events = Bound + 1;
        var bulk = Enumerable.Range(0, 3).Select(_ => TestContacts.Request()).ToList();
        using var call = new CancellationTokenSource();

        var import = service.SubmitContacts(new TestStreamReader<SubmitContactRequest>(bulk), new TestStreamWriter<SubmitContactResult>(), TestCallers.Agency(cancellationToken: call.Token));
        await Task.Delay(HeldFor);
        await call.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import.WaitAsync(HangGuard));
        backlog.Events = 0;
        await Task.Delay(HeldFor);

        Assert.Equal(0, await StoredAsync(bulk));
        Assert.Equal(0, contacts.Waiting);
    }

    /// <summary>The unpublished events the test reports, read by Intake from its own threads.</summary>
    private sealed class Backlog
    {
        private readonly Lock gate = new();
        private long? events;

        public long? Events
        {
            get { lock (gate) { return events; } }
            set { lock (gate) { events = value; } }
        }
    }
}
