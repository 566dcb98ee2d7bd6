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
