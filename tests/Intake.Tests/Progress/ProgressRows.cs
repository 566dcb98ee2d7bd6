using Mash.Contracts.Intake.V1;
using Mash.Intake.Progress;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Progress;

/// <summary>Contacts moved on by <see cref="ContactAdvances"/> directly, each call a batch in a transaction of its own, and their status columns read back.</summary>
internal sealed class ProgressRows(IntakeDatabase database)
{
    public sealed record Row(string Status, string? Outcome, int OutcomeRevision, DateTimeOffset? ChangedAt);

    private readonly IntakeUnderTest intake = new(database);

    public static ProgressStep Step(string contactId, ContactStatus status, int hour, string? outcome = null, int revision = 0) =>
        new(contactId, status, ProgressEvents.At.AddHours(hour), outcome, revision);

    public async Task<string> SubmitAsync() =>
        (await intake.Service.SubmitContact(TestContacts.Request(), TestCallers.Agency())).ContactId;

    public async Task<int> AdvanceAsync(IReadOnlyList<ProgressStep> steps)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var moved = await ContactAdvances.AdvanceAsync(transaction, steps, CancellationToken.None);
        await transaction.CommitAsync();
        return moved;
    }

    public async Task<Row> ReadAsync(string contactId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT status, outcome, outcome_revision, status_changed_at FROM contacts WHERE id = $1");
        command.Parameters.Add(new() { Value = Guid.Parse(contactId) });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }
}
