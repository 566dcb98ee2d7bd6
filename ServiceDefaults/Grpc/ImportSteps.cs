using Grpc.Core;
using Mash.Contracts.Common.V1;

namespace Mash.ServiceDefaults;

/// <summary>
/// An importer's many-steps-a-call RPC (Triage's ImportScreeningSteps, Outcomes' ImportOutcomeSteps):
/// each step is answered as its own RPC would answer it, each record's steps in the request's order, and
/// the status that RPC would have ended with becomes the step's result instead of ending the call. A
/// failure of the service itself (its database unreachable) still ends the call, leaving the later steps
/// untaken: every step is idempotent, so the importer sends the call again.
/// </summary>
public static class ImportSteps
{
    /// <summary>Steps a call at most: a call is answered once all its steps are taken, so it stays short.</summary>
    public const int MaxPerCall = 1_000;

    /// <summary>
    /// Takes the steps in rounds (<see cref="ImportRounds"/>), each round with <paramref name="takeRound"/>,
    /// which answers its steps' results in its order: a round's steps are of different records, so a
    /// service may take them together, each answered as if taken alone.
    /// </summary>
    public static async Task<ImportStepResults> TakeInRoundsAsync<TStep>(
        IReadOnlyList<TStep> steps, Func<TStep, string> recordOf, Func<IReadOnlyList<TStep>, Task<IReadOnlyList<ImportStepResult>>> takeRound, CancellationToken cancellationToken)
    {
        if (steps.Count > MaxPerCall)
        {
            throw RpcErrors.InvalidArgument("steps", $"at most {MaxPerCall} steps a call; this one has {steps.Count}");
        }
        var results = new ImportStepResult[steps.Count];
        foreach (var round in ImportRounds.Of(steps, recordOf))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var taken = await takeRound([.. round.Select(i => steps[i])]);
            for (var k = 0; k < round.Count; k++)
            {
                results[round[k]] = taken[k];
            }
        }
        return new ImportStepResults { Results = { results } };
    }

    /// <summary>
    /// Takes a round: checks each step with <paramref name="check"/>, as its RPC checks it before the database
    /// (a refusal there is the step's result), then takes the checked steps together with <paramref name="take"/>,
    /// which answers, for each in its order, what gives its record id or throws the status its RPC would end with.
    /// </summary>
    public static async Task<IReadOnlyList<ImportStepResult>> TakeRoundAsync<TStep, TChecked>(
        IReadOnlyList<TStep> round, Func<TStep, Task<TChecked>> check, Func<IReadOnlyList<TChecked>, Task<IReadOnlyList<Func<Task<string>>>>> take)
    {
        var results = new ImportStepResult[round.Count];
        var checkedSteps = new List<(int Index, TChecked Step)>();
        for (var i = 0; i < round.Count; i++)
        {
            var index = i;
            results[index] = await ResultOfAsync(async () =>
            {
                checkedSteps.Add((index, await check(round[index])));
                return "";
            });
        }
        if (checkedSteps.Count > 0)
        {
            var answers = await take([.. checkedSteps.Select(c => c.Step)]);
            for (var k = 0; k < checkedSteps.Count; k++)
            {
                results[checkedSteps[k].Index] = await ResultOfAsync(answers[k]);
            }
        }
        return results;
    }

    /// <summary>The step's result: what <paramref name="take"/> made, or the status it was refused with.</summary>
    public static async Task<ImportStepResult> ResultOfAsync(Func<Task<string>> take)
    {
        try
        {
            return new ImportStepResult { RecordId = await take() };
        }
        catch (RpcException refused) when (refused.StatusCode is not StatusCode.Cancelled)
        {
            return new ImportStepResult { Code = (int)refused.StatusCode, Message = refused.Status.Detail };
        }
    }
}
