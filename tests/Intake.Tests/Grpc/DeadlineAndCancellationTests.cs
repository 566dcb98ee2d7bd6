using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Npgsql;

namespace Mash.Intake.Tests.Grpc;

/// <summary>
/// A client's deadline and cancellation reach Intake's handlers over a real port: the handler sees
/// the deadline, its token fires when the deadline passes or the client gives up, and it stops
/// (and a read cancelled mid-way leaves nothing behind).
/// </summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class DeadlineAndCancellationTests(IntakeDatabase database) : IAsyncLifetime
{
    private const string PoliceToken = "police-west-token-for-the-deadline-tests-0123456789";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private static readonly Metadata Police = new() { { "authorization", $"Bearer {PoliceToken}" } };

    private readonly IntakeUnderTest intake = new(database);
    private readonly HandlerLog log = new();
    private IntakeServer? server;

    public async Task InitializeAsync() =>
        server = await IntakeServer.StartAsync(intake, new Dictionary<string, string> { ["police-west"] = PoliceToken }, log.AddTo);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private IntakeService.IntakeServiceClient Client => new(server!.Channel);

    [Fact]
    public async Task The_clients_deadline_is_the_handlers_deadline()
    {
        var before = DateTime.UtcNow;
        var deadline = before.AddMinutes(2);

        await Client.SubmitContactAsync(TestContacts.Request(), Police, deadline).ResponseAsync.WaitAsync(HangGuard);

        // grpc-timeout carries the time left, so the server's deadline is the client's give or take the trip.
        var seen = log.Single("SubmitContact").Deadline;
        Assert.Equal(DateTimeKind.Utc, seen.Kind);
        Assert.InRange(seen, deadline.AddSeconds(-5), DateTime.UtcNow.AddMinutes(2).AddSeconds(1));
    }

    [Fact]
    public async Task A_passed_deadline_ends_a_watch_DEADLINE_EXCEEDED_and_stops_its_handler()
    {
        var contactId = (await Client.SubmitContactAsync(TestContacts.Request(), Police).ResponseAsync.WaitAsync(HangGuard)).ContactId;

        using var watch = Client.WatchContact(new WatchContactRequest { ContactId = contactId }, Police, DateTime.UtcNow.AddSeconds(3));
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));   // the handler is running
        var ended = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));

        Assert.Equal(StatusCode.DeadlineExceeded, ended.StatusCode);
        Assert.True(await log.Single("WatchContact").EndedCancelled.WaitAsync(HangGuard), "the handler ended without its token cancelled");
    }

    [Fact]
    public async Task A_client_cancelling_a_watch_stops_its_handler()
    {
        var contactId = (await Client.SubmitContactAsync(TestContacts.Request(), Police).ResponseAsync.WaitAsync(HangGuard)).ContactId;
        using var cancel = new CancellationTokenSource();

        using var watch = Client.WatchContact(new WatchContactRequest { ContactId = contactId }, Police, cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));
        await cancel.CancelAsync();
        var ended = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));

        Assert.Equal(StatusCode.Cancelled, ended.StatusCode);
        Assert.True(await log.Single("WatchContact").EndedCancelled.WaitAsync(HangGuard), "the handler ended without its token cancelled");
    }

    [Fact]
    public async Task A_read_the_client_cancels_while_it_waits_on_the_database_is_abandoned_and_not_audited()
    {
        var contactId = (await Client.SubmitContactAsync(TestContacts.Request(), Police).ResponseAsync.WaitAsync(HangGuard)).ContactId;
        await using var holder = await database.DataSource.OpenConnectionAsync();
        await using var lockTransaction = await holder.BeginTransactionAsync();
        // GetContact records its read in audit_log in the read's transaction: that insert waits here.
        await using (var lockAudit = new NpgsqlCommand("LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE", holder, lockTransaction))
        {
            await lockAudit.ExecuteNonQueryAsync();
        }
        using var cancel = new CancellationTokenSource();

        var read = Client.GetContactAsync(new GetContactRequest { ContactId = contactId }, Police, cancellationToken: cancel.Token);
        await WaitUntilAsync(async () => await database.CountAsync("SELECT count(*) FROM pg_locks WHERE relation = 'audit_log'::regclass AND NOT granted") > 0);
        await cancel.CancelAsync();
        var refused = await Assert.ThrowsAsync<RpcException>(() => read.ResponseAsync.WaitAsync(HangGuard));
        var handlerCancelled = await log.Single("GetContact").EndedCancelled.WaitAsync(HangGuard);
        await lockTransaction.RollbackAsync();

        Assert.Equal(StatusCode.Cancelled, refused.StatusCode);
        Assert.True(handlerCancelled, "the handler ended without its token cancelled");
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM audit_log WHERE record_id = $1", contactId));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (!await condition())
        {
            await Task.Delay(20, guard.Token);
        }
    }
}
