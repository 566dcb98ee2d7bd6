using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Intake.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Contracts.Triage.V1;

namespace Mash.Importer.Replay;

/// <summary>The three services an import writes through, each call carrying the importer's staff token.</summary>
internal sealed class PlatformClients(Uri intake, Uri triage, Uri outcomes, string token) : IDisposable
{
    private readonly GrpcChannel intakeChannel = GrpcChannel.ForAddress(intake);
    private readonly GrpcChannel triageChannel = GrpcChannel.ForAddress(triage);
    private readonly GrpcChannel outcomesChannel = GrpcChannel.ForAddress(outcomes);

    public IntakeService.IntakeServiceClient Intake => new(intakeChannel);

    public TriageService.TriageServiceClient Triage => new(triageChannel);

    public OutcomesService.OutcomesServiceClient Outcomes => new(outcomesChannel);

    public Metadata Credentials { get; } = new() { { "authorization", $"Bearer {token}" } };

    public void Dispose()
    {
        intakeChannel.Dispose();
        triageChannel.Dispose();
        outcomesChannel.Dispose();
    }
}
