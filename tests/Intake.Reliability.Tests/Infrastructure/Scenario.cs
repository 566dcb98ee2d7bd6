using Mash.Contracts.Intake.V1;
using Grpc.Net.Client;
using Npgsql;
using Xunit.Abstractions;

namespace Mash.Intake.Reliability.Tests.Infrastructure;

/// <summary>
/// One reliability scenario's world: a fresh Intake database, Intake running as a process on it,
/// a downstream consumer bound to ContactReceived, and the load. The test drives the failure;
/// <see cref="VerifyAsync"/> then checks the promises and reports what happened.
/// </summary>
public sealed class Scenario : IAsyncDisposable
{
    /// <summary>Longest any one step may take before the test gives up (a hang guard, never a speed assertion).</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    private const int Workers = 16;

    private readonly ReliabilityFixture fixture;
    private readonly ITestOutputHelper output;
    private readonly GrpcChannel channel;

    private Scenario(ReliabilityFixture fixture, ITestOutputHelper output, ServiceProcess intake, Downstream downstream, string intakeDatabase)
    {
        this.fixture = fixture;
        this.output = output;
        Intake = intake;
        Downstream = downstream;
        IntakeDatabase = intakeDatabase;
        channel = GrpcChannel.ForAddress(intake.GrpcAddress);
        Client = new IntakeService.IntakeServiceClient(channel);
        Load = new SubmissionLoad(Client, fixture.AgencyToken, Workers);
    }

    public ServiceProcess Intake { get; }
    public Downstream Downstream { get; }
    public SubmissionLoad Load { get; }
    public IntakeService.IntakeServiceClient Client { get; }

    /// <summary>Intake's database's connection string (superuser, for the outbox check only).</summary>
    public string IntakeDatabase { get; }

    public static async Task<Scenario> StartAsync(ReliabilityFixture fixture, ITestOutputHelper output)
    {
        var database = fixture.Postgres.ConnectionString(await fixture.Postgres.CreateDatabaseAsync("intake"));
        var downstream = await Downstream.StartAsync(fixture, HangGuard);
        var intake = new ServiceProcess(fixture.IntakeDll, new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__postgres"] = database,
            ["ConnectionStrings__rabbitmq"] = fixture.RabbitMq.ConnectionString,
            ["Intake__PseudonymKey"] = "reliability-tests-pseudonym-key-0123456789abcdef",
            ["Intake__Agencies__0__OrganisationId"] = ReliabilityFixture.Agency,
            ["Intake__Agencies__0__TokenSha256"] = fixture.AgencyTokenSha256,
            ["Logging__LogLevel__Default"] = "Warning",
            // Probes of an unready Intake (the database down, say) log an error each; the tests cause that on purpose.
            ["Logging__LogLevel__Microsoft.Extensions.Diagnostics.HealthChecks"] = "None",
        });
        try
        {
            await intake.StartAsync(HangGuard);
        }
        catch
        {
            await intake.DisposeAsync();
            await downstream.DisposeAsync();
            throw;
        }
        return new Scenario(fixture, output, intake, downstream, database);
    }

    /// <summary>Awaits a step of the scenario; if it hangs, fails with what the load and Intake saw.</summary>
    public async Task Within(Task step, string what)
    {
        try
        {
            await step.WaitAsync(HangGuard);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{what}: not done within {HangGuard.TotalSeconds:0} s. {Describe()}", ex);
        }
    }

    public void Report(string line) => output.WriteLine(line);

    /// <summary>
    /// After the load: every contact acknowledged is stored, nothing is stored that was not
    /// acknowledged, a retry of any request gets the original contact id, and once the outbox and
    /// the queue are empty every contact has produced exactly one event (one event id, however
    /// often delivered) and, through the inbox, exactly one applied record, and no event went to
    /// the consumer's <c>_error</c> queue.
    /// </summary>
    public async Task VerifyAsync()
    {
        var acknowledged = Load.Acknowledged;
        Assert.Equal(Load.Released, acknowledged.Count);
        Assert.Equal(acknowledged.Count, acknowledged.Values.Distinct().Count());

        // Idempotency across whatever happened: the same request id gets the same contact.
        var again = await Load.ResubmitAcknowledgedAsync(Load.Requests).WaitAsync(HangGuard);
        var changed = acknowledged.Where(a => again[a.Key] != a.Value).Select(a => a.Key).ToList();
        Assert.True(changed.Count == 0, $"{changed.Count} resubmitted request(s) got a different contact id, e.g. {changed.FirstOrDefault()}.");

        var stored = await ListStoredAsync();
        var ackedIds = acknowledged.Values.ToHashSet();
        var lost = ackedIds.Except(stored).ToList();
        var unacknowledged = stored.Except(ackedIds).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged contact(s) are not stored, e.g. {lost.FirstOrDefault()}. {Describe()}");
        Assert.True(unacknowledged.Count == 0, $"{unacknowledged.Count} stored contact(s) were never acknowledged (a request stored twice?), e.g. {unacknowledged.FirstOrDefault()}.");

        await Within(UntilQuietAsync(ackedIds), "Every acknowledged contact's event applied, the outbox and the queue empty");
        var deliveries = Downstream.Deliveries.Snapshot();
        var eventsByContact = deliveries.GroupBy(d => d.ContactId).ToDictionary(g => g.Key, g => g.Select(d => d.EventId).Distinct().Count());
        var applied = await Downstream.AppliedAsync();

        var withoutEvent = ackedIds.Where(id => !eventsByContact.ContainsKey(id)).ToList();
        var severalEvents = eventsByContact.Where(e => e.Value != 1).Select(e => e.Key).ToList();
        var notAppliedOnce = ackedIds.Where(id => applied.GetValueOrDefault(id) != 1).ToList();
        var strangers = eventsByContact.Keys.Where(id => !stored.Contains(id)).ToList();
        var redelivered = deliveries.Count - deliveries.Select(d => d.EventId).Distinct().Count();
        Report($"released {Load.Released}, acknowledged {acknowledged.Count}, stored {stored.Count}, " +
            $"failed attempts {Load.FailureCount} ({string.Join(", ", Load.Failures.GroupBy(f => f.Code).Select(g => $"{g.Key} x{g.Count()}"))}), " +
            $"acknowledged after a retry {Load.Retried.Count}; deliveries {deliveries.Count} ({redelivered} redelivered), " +
            $"distinct events {eventsByContact.Values.Sum()}, applied records {applied.Values.Sum()}; " +
            $"stored but never acknowledged {unacknowledged.Count}, of those with two or more events {unacknowledged.Count(id => eventsByContact.GetValueOrDefault(id) > 1)}; Intake runs {Intake.Runs}");

        Assert.True(withoutEvent.Count == 0, $"{withoutEvent.Count} acknowledged contact(s) produced no event, e.g. {withoutEvent.FirstOrDefault()}.");
        Assert.True(severalEvents.Count == 0, $"{severalEvents.Count} contact(s) produced more than one event id, e.g. {severalEvents.FirstOrDefault()}.");
        Assert.True(notAppliedOnce.Count == 0, $"{notAppliedOnce.Count} contact(s) were not applied exactly once downstream, e.g. {notAppliedOnce.FirstOrDefault()}.");
        Assert.True(strangers.Count == 0, $"{strangers.Count} event(s) are about contacts Intake never stored, e.g. {strangers.FirstOrDefault()}.");
        Assert.Equal(ackedIds.Count, applied.Values.Sum());
        Assert.Equal(0, await QueueDepthAsync(Downstream.Queue + "_error", absentIsEmpty: true));
    }

    /// <summary>Every contact of the agency, through ListContacts (newest first, every page).</summary>
    private async Task<HashSet<string>> ListStoredAsync()
    {
        var headers = new Grpc.Core.Metadata { { "authorization", $"Bearer {fixture.AgencyToken}" } };
        var stored = new HashSet<string>();
        var token = "";
        do
        {
            var page = await Client.ListContactsAsync(new ListContactsRequest { PageSize = 500, PageToken = token }, headers, DateTime.UtcNow + HangGuard).ResponseAsync;
            stored.UnionWith(page.Contacts.Select(c => c.ContactId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return stored;
    }

    // Until every acknowledged contact has been applied downstream and nothing more can come: the
    // outbox is empty (every event confirmed by RabbitMQ) and so is the consumer's queue (every
    // delivery acknowledged, after it was recorded).
    private async Task UntilQuietAsync(IReadOnlySet<string> contacts)
    {
        while (true)
        {
            var applied = Downstream.Deliveries.Snapshot().Select(d => d.ContactId).ToHashSet();
            if (contacts.All(applied.Contains) && await OutboxCountAsync() == 0 && await QueueDepthAsync(Downstream.Queue) == 0)
            {
                return;
            }
            await Task.Delay(200);
        }
    }

    private async Task<long> OutboxCountAsync()
    {
        await using var connection = new NpgsqlConnection(IntakeDatabase);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Messages in <paramref name="queue"/>; one MassTransit declares only when a first message faults may not exist yet.</summary>
    private async Task<long> QueueDepthAsync(string queue, bool absentIsEmpty = false)
    {
        var listing = await fixture.RabbitMq.CtlAsync("list_queues", "--quiet", "--no-table-headers", "name", "messages");
        var line = listing.Split('\n').Select(l => l.Split('\t')).FirstOrDefault(f => f.Length == 2 && f[0] == queue);
        if (line is null)
        {
            return absentIsEmpty ? 0 : throw new InvalidOperationException($"The queue {queue} is not in:\n{listing}");
        }
        return long.Parse(line[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Describe() =>
        $"Released {Load.Released}, acknowledged {Load.Acknowledgements}, failed attempts {Load.FailureCount}; " +
        $"last failures: {string.Join("; ", Load.Failures.TakeLast(5).Select(f => $"{f.Code} {f.Detail}"))}.\n" +
        $"Intake's output (last 6000 characters):\n{Tail(Intake.Output, 6000)}";

    private static string Tail(string text, int length) => text.Length <= length ? text : text[^length..];

    public async ValueTask DisposeAsync()
    {
        await Load.AbandonAsync();
        channel.Dispose();
        await Intake.DisposeAsync();
        await Downstream.DisposeAsync();
    }
}
