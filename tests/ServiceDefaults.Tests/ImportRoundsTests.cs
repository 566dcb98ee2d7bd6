using Grpc.Core;
using Mash.Contracts.Common.V1;

namespace Mash.ServiceDefaults.Tests;

/// <summary>An import call's steps in rounds (<see cref="ImportRounds"/>, <see cref="ImportSteps.TakeInRoundsAsync"/>): no round holds two steps of one record, and a record's steps keep their order.</summary>
public sealed class ImportRoundsTests
{
    /// <summary>A step "record:n", of its record.</summary>
    private static string RecordOf(string step) => step.Split(':')[0];

    [Fact]
    public void Steps_of_different_records_are_one_round_in_the_calls_order()
    {
        Assert.Equal([[0, 1, 2]], ImportRounds.Of(["a:1", "b:1", "c:1"], RecordOf));
    }

    [Fact]
    public void A_records_later_step_goes_into_the_round_after_its_earlier_one()
    {
        var rounds = ImportRounds.Of(["a:1", "b:1", "a:2", "c:1", "a:3", "b:2"], RecordOf);

        Assert.Equal([[0, 1, 3], [2, 5], [4]], rounds);
    }

    [Fact]
    public void No_steps_are_no_rounds()
    {
        Assert.Empty(ImportRounds.Of(Array.Empty<string>(), RecordOf));
    }

    [Fact]
    public async Task Each_rounds_results_land_at_their_steps_places_and_rounds_are_taken_in_order()
    {
        var taken = new List<IReadOnlyList<string>>();

        var results = await ImportSteps.TakeInRoundsAsync(["a:1", "b:1", "a:2"], RecordOf, round =>
        {
            taken.Add(round);
            return Task.FromResult<IReadOnlyList<ImportStepResult>>([.. round.Select(step => new ImportStepResult { RecordId = $"id-of-{step}" })]);
        }, CancellationToken.None);

        Assert.Equal([["a:1", "b:1"], ["a:2"]], taken);
        Assert.Equal(["id-of-a:1", "id-of-b:1", "id-of-a:2"], results.Results.Select(r => r.RecordId));
    }

    [Fact]
    public async Task More_than_a_thousand_steps_is_an_invalid_argument_and_no_round_is_taken()
    {
        var rounds = 0;
        var steps = Enumerable.Range(0, ImportSteps.MaxPerCall + 1).Select(i => $"r{i}:1").ToArray();

        var refused = await Assert.ThrowsAsync<RpcException>(() => ImportSteps.TakeInRoundsAsync(steps, RecordOf, round =>
        {
            rounds++;
            return Task.FromResult<IReadOnlyList<ImportStepResult>>([.. round.Select(_ => new ImportStepResult())]);
        }, CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(0, rounds);
    }

    [Fact]
    public async Task A_cancelled_call_takes_no_further_round()
    {
        using var cancelled = new CancellationTokenSource();
        var rounds = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportSteps.TakeInRoundsAsync(["a:1", "a:2"], RecordOf, round =>
        {
            rounds++;
            cancelled.Cancel();
            return Task.FromResult<IReadOnlyList<ImportStepResult>>([.. round.Select(_ => new ImportStepResult())]);
        }, cancelled.Token));

        Assert.Equal(1, rounds);
    }
}
