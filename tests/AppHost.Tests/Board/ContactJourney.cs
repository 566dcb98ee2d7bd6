using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.AppHost.Tests.Faults;
using Mash.AppHost.Tests.Support;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;

namespace Mash.AppHost.Tests.Board;

/// <summary>
/// A contact through the MASH as its people would take it, over the services' gRPC endpoints: an
/// agency submits it, a practitioner claims, rates and decides it, then records its outcome (once
/// Outcomes has heard of the decision).
/// </summary>
internal sealed class ContactJourney(RunningPlatform platform) : IDisposable
{
    private readonly GrpcChannel intake = GrpcChannel.ForAddress(platform.App.GetEndpoint("intake", "grpc"));
    private readonly GrpcChannel triage = GrpcChannel.ForAddress(platform.App.GetEndpoint("triage", "grpc"));
    private readonly GrpcChannel outcomes = GrpcChannel.ForAddress(platform.App.GetEndpoint("outcomes", "grpc"));

    /// <summary>The outcome's case reference, as the board's feed shows it.</summary>
    public async Task<string> SubmitAndDecideAsync(string outcome, CancellationToken cancellationToken)
    {
        var practitioner = TestTokens.Options(TestTokens.For("sw-1", MashRoles.Practitioner), cancellationToken);
        var agency = new CallOptions(new Metadata { { "authorization", $"Bearer {FaultContacts.Token}" } }, cancellationToken: cancellationToken);
        var submitted = await new IntakeService.IntakeServiceClient(intake).SubmitContactAsync(FaultContacts.Request(1), agency);
        var id = submitted.ContactId;

        var queue = new TriageService.TriageServiceClient(triage);
        await EventuallyAsync(async () => await queue.ClaimContactAsync(new ClaimContactRequest { ContactId = id }, practitioner), cancellationToken);
        await queue.RateContactAsync(new RateContactRequest { ContactId = id, Rag = Rag.Amber, Reason = "screened" }, practitioner);
        await queue.RecordDecisionAsync(new RecordDecisionRequest { ContactId = id, ThresholdMet = true, Rationale = "decided" }, practitioner);

        var recorded = await EventuallyAsync(async () => await new OutcomesService.OutcomesServiceClient(outcomes)
            .RecordOutcomeAsync(new RecordOutcomeRequest { ContactId = id, Outcome = outcome }, practitioner), cancellationToken);
        return recorded.CaseRef;
    }

    /// <summary>
    /// A referral from an earlier day, as a legacy system's history is imported (Mash.Importer, each
    /// step at its own time a minute apart from <paramref name="receivedAt"/>): submitted, rated,
    /// decided over the threshold and given its outcome, and no agency told it.
    /// </summary>
    public async Task ImportReferralAsync(DateTimeOffset receivedAt, string outcome, CancellationToken cancellationToken)
    {
        var importer = TestTokens.Options(TestTokens.For("legacy-import", MashRoles.Importer, MashRoles.Practitioner), cancellationToken);
        var request = FaultContacts.Request(2);
        request.ReceivedAt = Timestamp.FromDateTimeOffset(receivedAt);
        var id = (await new IntakeService.IntakeServiceClient(intake).SubmitContactAsync(request, importer)).ContactId;

        var queue = new TriageService.TriageServiceClient(triage);
        await EventuallyAsync(async () => await queue.RateContactAsync(
            new RateContactRequest { ContactId = id, Rag = Rag.Amber, Reason = "screened", OccurredAt = Timestamp.FromDateTimeOffset(receivedAt.AddMinutes(1)) }, importer), cancellationToken);
        await queue.RecordDecisionAsync(
            new RecordDecisionRequest { ContactId = id, ThresholdMet = true, Rationale = "decided", OccurredAt = Timestamp.FromDateTimeOffset(receivedAt.AddMinutes(2)) }, importer);
        await EventuallyAsync(async () => await new OutcomesService.OutcomesServiceClient(outcomes).RecordOutcomeAsync(
            new RecordOutcomeRequest { ContactId = id, Outcome = outcome, OccurredAt = Timestamp.FromDateTimeOffset(receivedAt.AddMinutes(3)) }, importer), cancellationToken);
    }

    /// <summary>Until the service has heard what it needs from the bus (its answer until then: not found, or not yet).</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.Unavailable && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    public void Dispose()
    {
        intake.Dispose();
        triage.Dispose();
        outcomes.Dispose();
    }
}
