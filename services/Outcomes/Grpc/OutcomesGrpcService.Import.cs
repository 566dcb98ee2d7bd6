using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Steps;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Outcomes.Grpc;

/// <summary>
/// An importer's outcomes and tellings, many a call, each answered as its own RPC would answer it. The steps go
/// in rounds of different contacts (<see cref="ImportSteps.TakeInRoundsAsync"/>); each step is checked as its RPC
/// checks it, and a round's checked steps are taken together in one transaction (<see cref="StepRound"/>),
/// outcomes and tellings alike since they lock the same journeys and read the same outcomes: a handful of
/// statements a round rather than ten a step.
/// </summary>
internal sealed partial class OutcomesGrpcService
{
    [Authorize(Policy = MashPolicies.Importers)]
    public override Task<ImportStepResults> ImportOutcomeSteps(ImportOutcomeStepsRequest request, ServerCallContext context) =>
        ImportSteps.TakeInRoundsAsync(request.Steps, ContactOf, steps => TakeRoundAsync(steps, context), context.CancellationToken);

    private static string ContactOf(OutcomeStep step) => step.StepCase switch
    {
        OutcomeStep.StepOneofCase.Outcome => step.Outcome.ContactId,
        OutcomeStep.StepOneofCase.Feedback => step.Feedback.ContactId,
        // Refused before the database, whatever round it is in.
        _ => "",
    };

    private Task<IReadOnlyList<ImportStepResult>> TakeRoundAsync(IReadOnlyList<OutcomeStep> steps, ServerCallContext context) =>
        ImportSteps.TakeRoundAsync(steps, async step => (Step: step, Asked: await AskedAsync(step, context)), async asked =>
        {
            var taken = await round.TakeAsync([.. asked.Select(a => a.Asked)], context.CancellationToken);
            return [.. asked.Select((a, k) => (Func<Task<string>>)(() => Task.FromResult(Answer(a.Step, taken[k]))))];
        });

    private async Task<ContactStep> AskedAsync(OutcomeStep step, ServerCallContext context) => step.StepCase switch
    {
        OutcomeStep.StepOneofCase.Outcome => await OutcomeAskedAsync(step.Outcome, context),
        OutcomeStep.StepOneofCase.Feedback => await TellingAskedAsync(step.Feedback, context),
        _ => throw RpcErrors.InvalidArgument("step", "names no step: set outcome or feedback"),
    };

    /// <summary>"" when the step's RPC would answer (neither an outcome nor a telling has an id of its own); else that RPC's status, thrown.</summary>
    private static string Answer(OutcomeStep step, StepTaken taken)
    {
        _ = taken switch
        {
            StepTaken.Outcome outcome => Answer(step.Outcome, outcome.Result) as object,
            StepTaken.Telling telling => Answer(step.Feedback, telling.Result),
            _ => throw new InvalidOperationException($"Unexpected step {taken}."),
        };
        return "";
    }
}
