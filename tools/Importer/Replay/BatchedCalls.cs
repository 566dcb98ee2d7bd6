using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Contracts.Triage.V1;
// The importer's own OutcomeStep is the row from outcomes.csv; this is the call's.
using OutcomeCall = Mash.Contracts.Outcomes.V1.OutcomeStep;

namespace Mash.Importer.Replay;

/// <summary>
/// The importer's three ways in, each packing the steps of many children into one call: contacts
/// through Intake's SubmitContactBatches, screening steps through Triage's ImportScreeningSteps,
/// outcomes and tellings through Outcomes' ImportOutcomeSteps.
/// </summary>
internal sealed class BatchedCalls(PlatformClients platform)
{
    // A service takes a call's steps one after another: a few calls at once keep it and its database
    // busy while each call's steps wait on their statements (BENCHMARKS.md, "Steps many a call").
    private const int CallsAtOnce = 4;
    private const int StepsPerCall = 500;

    public StepBatcher<SubmitContactRequest> Contacts { get; } = new((contacts, token) => SubmitAsync(platform, contacts, token), CallsAtOnce, StepsPerCall);

    public StepBatcher<ScreeningStep> Screening { get; } = new((steps, token) =>
        platform.Triage.ImportScreeningStepsAsync(new ImportScreeningStepsRequest { Steps = { steps } }, platform.Credentials, cancellationToken: token).ResponseAsync,
        CallsAtOnce, StepsPerCall);

    public StepBatcher<OutcomeCall> Outcomes { get; } = new((steps, token) =>
        platform.Outcomes.ImportOutcomeStepsAsync(new ImportOutcomeStepsRequest { Steps = { steps } }, platform.Credentials, cancellationToken: token).ResponseAsync,
        CallsAtOnce, StepsPerCall);

    /// <summary>Runs <paramref name="replay"/>, sending the steps it takes, until it ends and every step sent is answered.</summary>
    public async Task RunAsync(Func<Task> replay, CancellationToken cancellationToken)
    {
        var sending = Task.WhenAll(Contacts.RunAsync(cancellationToken), Screening.RunAsync(cancellationToken), Outcomes.RunAsync(cancellationToken));
        try
        {
            await replay();
        }
        finally
        {
            Contacts.Complete();
            Screening.Complete();
            Outcomes.Complete();
        }
        await sending;
    }

    /// <summary>One batch of contacts, each answered with its contact id or with why Intake refused it.</summary>
    private static async Task<ImportStepResults> SubmitAsync(PlatformClients platform, IReadOnlyList<SubmitContactRequest> contacts, CancellationToken cancellationToken)
    {
        using var call = platform.Intake.SubmitContactBatches(platform.Credentials, cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new SubmitContactBatch { Contacts = { contacts } }, cancellationToken);
        await call.RequestStream.CompleteAsync();
        var results = new ImportStepResults();
        await foreach (var batch in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            results.Results.Add(batch.Results.Select(r => r.ResultCase == SubmitContactResult.ResultOneofCase.Accepted
                ? new ImportStepResult { RecordId = r.Accepted.ContactId }
                : new ImportStepResult { Code = r.Rejected.Code, Message = r.Rejected.Message }));
        }
        return results;
    }
}
