using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Outcomes.Grpc;

/// <summary>An importer's outcomes and tellings, many a call (<see cref="ImportSteps"/>).</summary>
internal sealed partial class OutcomesGrpcService
{
    [Authorize(Policy = MashPolicies.Importers)]
    public override Task<ImportStepResults> ImportOutcomeSteps(ImportOutcomeStepsRequest request, ServerCallContext context) =>
        ImportSteps.TakeAsync(request.Steps, step => TakeAsync(step, context), context.CancellationToken);

    private async Task<string> TakeAsync(OutcomeStep step, ServerCallContext context)
    {
        switch (step.StepCase)
        {
            case OutcomeStep.StepOneofCase.Outcome:
                await RecordOutcome(step.Outcome, context);
                return "";
            case OutcomeStep.StepOneofCase.Feedback:
                await RecordFeedback(step.Feedback, context);
                return "";
            default:
                throw RpcErrors.InvalidArgument("step", "names no step: set outcome or feedback");
        }
    }
}
