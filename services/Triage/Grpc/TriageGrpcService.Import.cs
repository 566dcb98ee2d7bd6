using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Queue;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Triage.Grpc;

internal sealed partial class TriageGrpcService
{
    /// <summary>
    /// Many screening steps a call, each answered as its own RPC would answer it. The steps go in rounds
    /// of different contacts (<see cref="ImportSteps.TakeInRoundsAsync"/>); a round's ratings and decisions
    /// are taken together, in one transaction (<see cref="Screening.TakeAsync"/>), its information requests
    /// and answers one by one. The answer carries no queue item, so a rating or decision here is not a read
    /// for the audit log.
    /// </summary>
    [Authorize(Policy = MashPolicies.Importers)]
    public override Task<ImportStepResults> ImportScreeningSteps(ImportScreeningStepsRequest request, ServerCallContext context) =>
        ImportSteps.TakeInRoundsAsync(request.Steps, RecordOf, round => TakeRoundAsync(round, context), context.CancellationToken);

    private static string RecordOf(ScreeningStep step) => step.StepCase switch
    {
        ScreeningStep.StepOneofCase.Rating => step.Rating.ContactId,
        ScreeningStep.StepOneofCase.Decision => step.Decision.ContactId,
        ScreeningStep.StepOneofCase.InformationRequest => step.InformationRequest.ContactId,
        // An answer changes its request alone, whatever its contact's screening.
        ScreeningStep.StepOneofCase.Answer => $"request {step.Answer.RequestId}",
        _ => "",
    };

    private async Task<IReadOnlyList<ImportStepResult>> TakeRoundAsync(IReadOnlyList<ScreeningStep> round, ServerCallContext context)
    {
        var results = new ImportStepResult[round.Count];
        var changes = new List<(int Index, ScreeningChange Change)>();
        for (var i = 0; i < round.Count; i++)
        {
            var step = round[i];
            results[i] = step.StepCase is ScreeningStep.StepOneofCase.Rating or ScreeningStep.StepOneofCase.Decision
                ? await ImportSteps.ResultOfAsync(async () =>
                {
                    changes.Add((i, await ChangeOfAsync(step, context)));
                    return "";
                })
                : await ImportSteps.ResultOfAsync(() => TakeAsync(step, context));
        }
        if (changes.Count > 0)
        {
            var taken = await screening.TakeAsync([.. changes.Select(c => c.Change)], context.CancellationToken);
            for (var k = 0; k < changes.Count; k++)
            {
                var (index, change) = changes[k];
                var result = taken[k];
                results[index] = await ImportSteps.ResultOfAsync(async () =>
                {
                    await answers.OfAsync(result, context, change.ContactId);
                    return "";
                });
            }
        }
        return results;
    }

    /// <summary>A rating or decision step as the change it asks, checked as its own RPC checks it.</summary>
    private Task<ScreeningChange> ChangeOfAsync(ScreeningStep step, ServerCallContext context) =>
        step.StepCase is ScreeningStep.StepOneofCase.Rating ? RatingOfAsync(step.Rating, context) : DecisionOfAsync(step.Decision, context);

    /// <summary>An information request or an answer, taken by its own RPC's code.</summary>
    private async Task<string> TakeAsync(ScreeningStep step, ServerCallContext context)
    {
        switch (step.StepCase)
        {
            case ScreeningStep.StepOneofCase.InformationRequest:
                return (await RequestInformation(step.InformationRequest, context)).RequestId;
            case ScreeningStep.StepOneofCase.Answer:
                await AnswerInformationRequest(step.Answer, context);
                return "";
            default:
                throw RpcErrors.InvalidArgument("step", "names no step: set rating, information_request, answer or decision");
        }
    }
}
