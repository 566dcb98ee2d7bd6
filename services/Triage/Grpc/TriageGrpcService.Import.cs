using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Triage.InformationSharing;
using Mash.Triage.Queue;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Triage.Grpc;

internal sealed partial class TriageGrpcService
{
    /// <summary>
    /// Many screening steps a call, each answered as its own RPC would answer it. The steps go in rounds
    /// of different contacts (<see cref="ImportSteps.TakeInRoundsAsync"/>); a round's ratings and
    /// decisions are taken together in one transaction (<see cref="Screening.TakeAsync"/>), as are its
    /// information requests, and its answers. The answer carries no queue item, so a rating or decision
    /// here is not a read for the audit log.
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
        var changes = new List<(int, ScreeningChange)>();
        var asks = new List<(int, InformationAsk)>();
        var replies = new List<(int, InformationReply)>();
        for (var i = 0; i < round.Count; i++)
        {
            var (step, index) = (round[i], i);
            // Each step checked as its own RPC checks it; a refusal here is its result.
            results[i] = await ImportSteps.ResultOfAsync(async () =>
            {
                switch (step.StepCase)
                {
                    case ScreeningStep.StepOneofCase.Rating:
                        changes.Add((index, await RatingOfAsync(step.Rating, context)));
                        break;
                    case ScreeningStep.StepOneofCase.Decision:
                        changes.Add((index, await DecisionOfAsync(step.Decision, context)));
                        break;
                    case ScreeningStep.StepOneofCase.InformationRequest:
                        asks.Add((index, await AskOfAsync(step.InformationRequest, context)));
                        break;
                    case ScreeningStep.StepOneofCase.Answer:
                        replies.Add((index, await ReplyOfAsync(step.Answer, context)));
                        break;
                    default:
                        throw RpcErrors.InvalidArgument("step", "names no step: set rating, information_request, answer or decision");
                }
                return "";
            });
        }
        await TakeTogetherAsync(changes, screening.TakeAsync, c => c.ContactId, _ => "", results, context);
        await TakeTogetherAsync(asks, information.RequestAsync, a => a.ContactId, made => Records.ToMessage(made).RequestId, results, context);
        await TakeTogetherAsync(replies, information.AnswerAsync, r => r.RequestId.ToString(), _ => "", results, context);
        return results;
    }

    /// <summary>Takes changes of different records in one go, and puts each one's result at its step's place.</summary>
    private async Task TakeTogetherAsync<TChange, T>(
        List<(int Index, TChange Change)> changes, Func<IReadOnlyList<TChange>, CancellationToken, Task<IReadOnlyList<ScreeningResult<T>>>> take,
        Func<TChange, string> recordOf, Func<T, string> recordIdOf, ImportStepResult[] results, ServerCallContext context)
    {
        if (changes.Count == 0)
        {
            return;
        }
        var taken = await take([.. changes.Select(c => c.Change)], context.CancellationToken);
        for (var k = 0; k < changes.Count; k++)
        {
            var ((index, change), result) = (changes[k], taken[k]);
            results[index] = await ImportSteps.ResultOfAsync(async () => recordIdOf(await answers.OfAsync(result, context, recordOf(change))));
        }
    }
}
