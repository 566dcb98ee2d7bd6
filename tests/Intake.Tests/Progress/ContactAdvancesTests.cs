using Mash.Contracts.Intake.V1;
using Mash.Intake.Progress;
using Mash.Intake.Tests.Infrastructure;
using static Mash.Intake.Tests.Progress.ProgressRows;

namespace Mash.Intake.Tests.Progress;

/// <summary>A batch's steps applied in one statement end where applying them one by one, in order, would.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ContactAdvancesTests(IntakeDatabase database)
{
    private readonly ProgressRows rows = new(database);

    private static ProgressStep StepOf(string contactId, (ContactStatus Status, int Hour, string? Outcome, int Revision) move) =>
        Step(contactId, move.Status, move.Hour, move.Outcome, move.Revision);

    /// <summary>Steps (status, hour, outcome, revision) that set where the contact starts, then the batch's.</summary>
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
        var oneByOne = await rows.SubmitAsync();
        var batched = await rows.SubmitAsync();
        foreach (var move in start)
        {
            await rows.AdvanceAsync([StepOf(oneByOne, move)]);
            await rows.AdvanceAsync([StepOf(batched, move)]);
        }

        foreach (var move in sequence)
        {
            await rows.AdvanceAsync([StepOf(oneByOne, move)]);
        }
        await rows.AdvanceAsync([.. sequence.Select(move => StepOf(batched, move))]);

        Assert.Equal(await rows.ReadAsync(oneByOne), await rows.ReadAsync(batched));
    }

    [Fact]
    public async Task A_batch_of_known_unknown_and_malformed_contacts_moves_only_the_known()
    {
        var first = await rows.SubmitAsync();
        var second = await rows.SubmitAsync();

        var moved = await rows.AdvanceAsync([Step(first, ContactStatus.InTriage, 1), Step(Guid.NewGuid().ToString(), ContactStatus.InTriage, 1),
            Step("not-a-uuid", ContactStatus.InTriage, 1), Step(second, ContactStatus.Decided, 2)]);

        Assert.Equal(2, moved);
        Assert.Equal(("in_triage", "decided"), ((await rows.ReadAsync(first)).Status, (await rows.ReadAsync(second)).Status));
    }

    [Fact]
    public async Task The_same_batch_again_changes_nothing()
    {
        var first = await rows.SubmitAsync();
        var second = await rows.SubmitAsync();
        ProgressStep[] batch = [Step(first, ContactStatus.Closed, 3, "advice", 2), Step(second, ContactStatus.Decided, 2), Step(first, ContactStatus.Closed, 4, "nfa", 1)];
        var movedFirst = await rows.AdvanceAsync(batch);
        var after = (await rows.ReadAsync(first), await rows.ReadAsync(second));

        var movedAgain = await rows.AdvanceAsync(batch);

        Assert.Equal((2, 0), (movedFirst, movedAgain));
        Assert.Equal(after, (await rows.ReadAsync(first), await rows.ReadAsync(second)));
        Assert.Equal(new Row("closed", "advice", 2, ProgressEvents.At.AddHours(3)), after.Item1);
    }
}
