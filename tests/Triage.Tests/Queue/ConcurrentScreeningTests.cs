using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Tests.Infrastructure;
using Grpc.Core;
using Npgsql;

namespace Mash.Triage.Tests.Queue;

/// <summary>Ratings and decisions of one contact take turns, and each sees what the one before it committed.</summary>
[Collection(TriageDatabaseCollection.Name)]
public class ConcurrentScreeningTests(TriageDatabase database)
{
    private readonly TriageUnderTest triage = new(database);

    [Fact]
    public async Task A_rating_that_waited_for_a_decision_in_progress_sees_it_and_is_refused()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Red }, Callers.Practitioner());
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var decision = await connection.BeginTransactionAsync();
        // A decision being recorded: the contact locked and the decision written, not yet committed.
        await ExecuteAsync(decision, "SELECT 1 FROM queue_items WHERE contact_id = $1 FOR UPDATE", received.ContactId);
        await ExecuteAsync(decision, "INSERT INTO threshold_decisions VALUES ($1, true, 'sw-2', 'harm', now())", received.ContactId);

        var rating = triage.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Green }, Callers.Practitioner());
        await database.WaitUntilSomeoneWaitsForALockAsync();
        await decision.CommitAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => rating);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM contact_ratings WHERE contact_id = $1", received.ContactId));
    }

    private static async Task ExecuteAsync(NpgsqlTransaction transaction, string sql, string contactId)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        await command.ExecuteNonQueryAsync();
    }
}
