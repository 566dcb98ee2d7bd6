using Mash.Contracts.Intake.V1;
using Mash.Intake.Progress;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Progress;

/// <summary>A batch's steps applied in one statement end where applying them one by one, in order, would.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ContactAdvancesTests(IntakeDatabase database)
{
    private readonly IntakeUnderTest intake = new(database);

    private sealed record Row(string Status, string? Outcome, int OutcomeRevision, DateTimeOffset? ChangedAt);

    private async Task<string> SubmitAsync() =>
        (await intake.Service.SubmitContact(TestContacts.Request(), TestCallers.Agency())).ContactId;

    private async Task<int> AdvanceAsync(IReadOnlyList<ProgressStep> steps)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var moved = await ContactAdvances.AdvanceAsync(transaction, steps, CancellationToken.None);
        await transaction.CommitAsync();
        return moved;
    }

    private async Task<Row> RowAsync(string contactId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT status, outcome, outcome_revision, status_changed_at FROM contacts WHERE id = $1");
        command.Parameters.Add(new() { Value = Guid.Parse(contactId) });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }

    private static ProgressStep Step(string contactId, ContactStatus status, int hour, string? outcome = null, int revision = 0) =>
        new(contactId, status, ProgressEvents.At.AddHours(hour), outcome, revision);

    private static ProgressStep Step(string contactId, (ContactStatus Status, int Hour, string? Outcome, int Revision) move) =>
        Step(contactId, move.Status, move.Hour, move.Outcome, move.Revision);

    /// <summary>Each sequence as (status, hour, outcome, revision), with steps that set where the contact starts.</summary>
    public static TheoryData<(ContactStatus, int, string?, int)[], (ContactStatus, int, string?, int)[]> Sequences => new()
    {
        { [], [(ContactStatus.InTriage, 1, null, 0), (ContactStatus.Decided, 2, null, 0), (ContactStatus.Closed, 3, "advice", 1)] },
        { [], [(ContactStatus.Closed, 3, "advice", 0), (ContactStatus.Decided, 2, null, 0), (ContactStatus.InTriage, 1, null, 0)] },
        { [], [(ContactStatus.Decided, 2, null, 0), (ContactStatus.InTriage, 1, null, 0), (ContactStatus.Decided, 4, null, 0)] },
        { [], [(ContactStatus.Closed, 3, "advice", 2), (ContactStatus.Closed, 4, "nfa", 1), (ContactStatus.Closed, 5, "early-help", 3), (ContactStatus.Closed, 6, "onward", 3)] },
        { [(ContactStatus.Decided, 2, null, 0)], [(ContactStatus.InTriage, 5, null, 0), (ContactStatus.Decided, 6, null, 0)] },
        { [(ContactStatus.Closed, 3, "advice", 2)], [(ContactStatus.Closed, 4, "nfa", 1), (ContactStatus.Closed, 5, "early-help", 2), (ContactStatus.Decided, 6, null, 0)] },
        { [(ContactStatus.Closed, 3, "advice", 2)], [(ContactStatus.Closed, 4, "nfa", 1), (ContactStatus.Closed, 5, "early-help", 3), (ContactStatus.Closed, 6, "onward", 3)] },
        { [(ContactStatus.Closed, 3, "advice", 0)], [(ContactStatus.Closed, 4, "nfa", 0), (ContactStatus.Closed, 5, "early-help", 1)] },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public async Task A_batch_about_one_contact_ends_as_its_steps_one_by_one_in_order(
        (ContactStatus, int, string?, int)[] start, (ContactStatus, int, string?, int)[] sequence)
    {
        var oneByOne = await SubmitAsync();
        var batched = await SubmitAsync();
        foreach (var move in start)
        {
            await AdvanceAsync([Step(oneByOne, move)]);
            await AdvanceAsync([Step(batched, move)]);
        }

        foreach (var move in sequence)
        {
            await AdvanceAsync([Step(oneByOne, move)]);
        }
        await AdvanceAsync([.. sequence.Select(move => Step(batched, move))]);

        Assert.Equal(await RowAsync(oneByOne), await RowAsync(batched));
    }

    [Fact]
    public async Task A_batch_of_known_unknown_and_malformed_contacts_moves_only_the_known()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync();

        var moved = await AdvanceAsync([Step(first, ContactStatus.InTriage, 1), Step(Guid.NewGuid().ToString(), ContactStatus.InTriage, 1),
            Step("not-a-uuid", ContactStatus.InTriage, 1), Step(second, ContactStatus.Decided, 2)]);

        Assert.Equal(2, moved);
        Assert.Equal(("in_triage", "decided"), ((await RowAsync(first)).Status, (await RowAsync(second)).Status));
    }

    [Fact]
    public async Task The_same_batch_again_changes_nothing()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync();
        ProgressStep[] batch = [Step(first, ContactStatus.Closed, 3, "advice", 2), Step(second, ContactStatus.Decided, 2), Step(first, ContactStatus.Closed, 4, "nfa", 1)];
        var movedFirst = await AdvanceAsync(batch);
        var rows = (await RowAsync(first), await RowAsync(second));

        var movedAgain = await AdvanceAsync(batch);

        Assert.Equal((2, 0), (movedFirst, movedAgain));
        Assert.Equal(rows, (await RowAsync(first), await RowAsync(second)));
        Assert.Equal(new Row("closed", "advice", 2, ProgressEvents.At.AddHours(3)), rows.Item1);
    }
}
