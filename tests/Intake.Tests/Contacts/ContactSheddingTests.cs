using System.Diagnostics.Metrics;
using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Grpc;
using Mash.Intake.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.Intake.Tests.Contacts;

/// <summary>
/// Load shedding: while <c>Intake:MaxWaitingContacts</c> contacts wait for their commit (here the
/// test holds the contacts table, so commits wait), SubmitContact is answered RESOURCE_EXHAUSTED at
/// once and stores nothing, a bulk import waits instead, and once the commits go through Intake
/// takes contacts again by itself.
/// </summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ContactSheddingTests(IntakeDatabase database) : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly IntakeUnderTest intake = new(database);
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => meters.Dispose();

    /// <summary>Intake's parts with at most <paramref name="maxWaiting"/> contacts waiting, its shed contacts counted on <see cref="meters"/>.</summary>
    private (ContactIntake Contacts, IntakeGrpcService Service) IntakeSaturatedBeyond(int maxWaiting)
    {
        var contacts = new ContactIntake(
            new ContactBatchWriter(database.DataSource, new EventOutbox(), intake.Repeats), intake.Pseudonyms, intake.Time,
            Options.Create(new GroupCommitOptions { MaxWaitingContacts = maxWaiting }), meters.GetRequiredService<IMeterFactory>());
        var service = intake.ServiceOver(contacts);
        return (contacts, service);
    }

    /// <summary>Holds the contacts table until released (rolled back), so every commit waits.</summary>
    private async Task<HeldTable> HoldContactsAsync()
    {
        var connection = await database.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var hold = new NpgsqlCommand("LOCK TABLE contacts IN ACCESS EXCLUSIVE MODE", connection, transaction);
        await hold.ExecuteNonQueryAsync();
        return new HeldTable(connection, transaction);
    }

    /// <summary>The lock on the contacts table; released by the test, or on disposal if the test failed first.</summary>
    private sealed class HeldTable(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private bool released;

        public async Task ReleaseAsync()
        {
            if (!released)
            {
                released = true;
                await transaction.RollbackAsync();
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
            }
        }

        public async ValueTask DisposeAsync() => await ReleaseAsync();
    }

    private Task<long> StoredAsync(string requestId) =>
        database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", requestId);

    [Fact]
    public async Task A_saturated_Intake_answers_RESOURCE_EXHAUSTED_at_once_stores_nothing_and_recovers_by_itself()
    {
        var (contacts, service) = IntakeSaturatedBeyond(3);
        using var shed = new ShedCounter(meters.GetRequiredService<IMeterFactory>());
        await using var held = await HoldContactsAsync();

        var waiting = Enumerable.Range(0, 3).Select(_ => TestContacts.Request()).ToList();
        var acknowledgements = waiting.Select(request => service.SubmitContact(request, TestCallers.Agency())).ToList();
        var turnedAway = TestContacts.Request();
        var refused = await Assert.ThrowsAsync<RpcException>(() => service.SubmitContact(turnedAway, TestCallers.Agency()));
        var stillWaiting = acknowledgements.Count(a => !a.IsCompleted);
        var waitingWhenRefused = contacts.Waiting;

        await held.ReleaseAsync();
        var receipts = await Task.WhenAll(acknowledgements).WaitAsync(HangGuard);
        var storedWhenRefused = await StoredAsync(turnedAway.RequestId);
        // Nothing to reset: with the waiting contacts committed, the same request is taken.
        var retried = await service.SubmitContact(turnedAway, TestCallers.Agency());

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        var retryInfo = Assert.Single(refused.GetRpcStatus()!.Details).Unpack<RetryInfo>();
        Assert.Equal(IntakeGrpcService.SaturatedRetryDelay, retryInfo.RetryDelay.ToTimeSpan());
        Assert.Equal((3, 3), (stillWaiting, waitingWhenRefused));
        Assert.Equal(0, storedWhenRefused);
        Assert.Equal(1, shed.Total);
        Assert.All(receipts, receipt => Assert.Equal(ContactStatus.Received, receipt.Status));
        Assert.Equal(ContactStatus.Received, retried.Status);
        Assert.Equal(1, await StoredAsync(turnedAway.RequestId));
        Assert.Equal(0, contacts.Waiting);
    }

    [Fact]
    public async Task A_bulk_import_waits_while_Intake_is_saturated_rather_than_being_refused()
    {
        var (contacts, service) = IntakeSaturatedBeyond(1);
        using var shed = new ShedCounter(meters.GetRequiredService<IMeterFactory>());
        await using var held = await HoldContactsAsync();

        var single = service.SubmitContact(TestContacts.Request(), TestCallers.Agency());
        var bulk = Enumerable.Range(0, 2).Select(_ => TestContacts.Request()).ToList();
        var results = new TestStreamWriter<SubmitContactResult>();
        var import = service.SubmitContacts(new TestStreamReader<SubmitContactRequest>(bulk), results, TestCallers.Agency());
        var waitingWithImport = contacts.Waiting;
        var refused = await Assert.ThrowsAsync<RpcException>(() => service.SubmitContact(TestContacts.Request(), TestCallers.Agency()));
        var importDoneWhileHeld = import.IsCompleted;

        await held.ReleaseAsync();
        await Task.WhenAll(single, import).WaitAsync(HangGuard);

        Assert.Equal(3, waitingWithImport); // the import's contacts waiting beyond the bound, not refused
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.False(importDoneWhileHeld);
        Assert.Equal(bulk.Select(r => r.RequestId), results.Written.Select(r => r.RequestId));
        Assert.All(results.Written, r => Assert.Equal(SubmitContactResult.ResultOneofCase.Accepted, r.ResultCase));
        Assert.Equal(1, shed.Total);
    }
}
