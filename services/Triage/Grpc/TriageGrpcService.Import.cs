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
    /// information requests, and its answers (<see cref="ImportSteps.TakeRoundAsync"/>). The answer carries no queue item, so a rating or decision
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

    private Task<IReadOnlyList<ImportStepResult>> TakeRoundAsync(IReadOnlyList<ScreeningStep> round, ServerCallContext context) =>
        ImportSteps.TakeRoundAsync(round, step => CheckAsync(step, context), checkedSteps => TakeCheckedAsync(checkedSteps, context));

    /// <summary>The step as what its RPC asks of the queue (a change, an ask or a reply), checked as that RPC checks it.</summary>
    private async Task<object> CheckAsync(ScreeningStep step, ServerCallContext context) => step.StepCase switch
    {
        ScreeningStep.StepOneofCase.Rating => await RatingOfAsync(step.Rating, context),
        ScreeningStep.StepOneofCase.Decision => await DecisionOfAsync(step.Decision, context),
        ScreeningStep.StepOneofCase.InformationRequest => await AskOfAsync(step.InformationRequest, context),
        ScreeningStep.StepOneofCase.Answer => await ReplyOfAsync(step.Answer, context),
        _ => throw RpcErrors.InvalidArgument("step", "names no step: set rating, information_request, answer or decision"),
    };

    private async Task<IReadOnlyList<Func<Task<string>>>> TakeCheckedAsync(IReadOnlyList<object> checkedSteps, ServerCallContext context)
    {
        var answered = new Func<Task<string>>[checkedSteps.Count];
        await TakeTogetherAsync<ScreeningChange, QueueEntry>(checkedSteps, answered, screening.TakeAsync, c => c.ContactId, _ => "", context);
        await TakeTogetherAsync<InformationAsk, InformationSharing.InformationRequest>(
            checkedSteps, answered, information.RequestAsync, a => a.ContactId, made => Records.ToMessage(made).RequestId, context);
        await TakeTogetherAsync<InformationReply, InformationSharing.InformationRequest>(
            checkedSteps, answered, information.AnswerAsync, r => r.RequestId.ToString(), _ => "", context);
        return answered;
    }

    /// <summary>Takes the checked steps of one kind in one go, and answers each at its place.</summary>
    private async Task TakeTogetherAsync<TChange, T>(
        IReadOnlyList<object> checkedSteps, Func<Task<string>>[] answered, Func<IReadOnlyList<TChange>, CancellationToken, Task<IReadOnlyList<ScreeningResult<T>>>> take,
        Func<TChange, string> recordOf, Func<T, string> recordIdOf, ServerCallContext context)
    {
        var places = Enumerable.Range(0, checkedSteps.Count).Where(i => checkedSteps[i] is TChange).ToArray();
        if (places.Length == 0)
        {
            return;
        }
        TChange[] changes = [.. places.Select(i => (TChange)checkedSteps[i])];
        var taken = await take(changes, context.CancellationToken);
        for (var k = 0; k < places.Length; k++)
        {
            var (change, result) = (changes[k], taken[k]);
            answered[places[k]] = async () => recordIdOf(await answers.OfAsync(result, context, recordOf(change)));
        }
    }
}
