using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Triage.Grpc;

internal sealed partial class TriageGrpcService
{
    /// <summary>
    /// Many screening steps a call, each taken by its own RPC's code (<see cref="ImportSteps"/>). The
    /// answer carries no queue item, so a rating or decision here is not a read for the audit log.
    /// </summary>
    [Authorize(Policy = MashPolicies.Importers)]
    public override Task<ImportStepResults> ImportScreeningSteps(ImportScreeningStepsRequest request, ServerCallContext context) =>
        ImportSteps.TakeAsync(request.Steps, step => TakeAsync(step, context), context.CancellationToken);

    private async Task<string> TakeAsync(ScreeningStep step, ServerCallContext context)
    {
        switch (step.StepCase)
        {
            case ScreeningStep.StepOneofCase.Rating:
                await RateAsync(step.Rating, context);
                return "";
            case ScreeningStep.StepOneofCase.InformationRequest:
                return (await RequestInformation(step.InformationRequest, context)).RequestId;
            case ScreeningStep.StepOneofCase.Answer:
                await AnswerInformationRequest(step.Answer, context);
                return "";
            case ScreeningStep.StepOneofCase.Decision:
                await DecideAsync(step.Decision, context);
                return "";
            default:
                throw RpcErrors.InvalidArgument("step", "names no step: set rating, information_request, answer or decision");
        }
    }
}
