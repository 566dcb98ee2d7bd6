using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Intake.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Contracts.Triage.V1;

namespace Mash.Importer.Replay;

/// <summary>The three services an import writes through, each call carrying the importer's staff token.</summary>
internal sealed class PlatformClients(Uri intake, Uri triage, Uri outcomes, string token) : IDisposable
{
    private readonly GrpcChannel intakeChannel = ChannelTo(intake);
    private readonly GrpcChannel triageChannel = ChannelTo(triage);
    private readonly GrpcChannel outcomesChannel = ChannelTo(outcomes);

    public IntakeService.IntakeServiceClient Intake => new(intakeChannel);

    public TriageService.TriageServiceClient Triage => new(triageChannel);

    public OutcomesService.OutcomesServiceClient Outcomes => new(outcomesChannel);

    public Metadata Credentials { get; } = new() { { "authorization", $"Bearer {token}" } };

    /// <summary>Whether Intake has the contact (NOT_FOUND: it does not).</summary>
    public async Task<bool> HasContactAsync(string contactId, CancellationToken cancellationToken)
    {
        try
        {
            await Intake.GetContactAsync(new GetContactRequest { ContactId = contactId }, Credentials, cancellationToken: cancellationToken);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    // More children at once than a server's 100 streams a connection open a second connection.
    private static GrpcChannel ChannelTo(Uri address) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });

    public void Dispose()
    {
        intakeChannel.Dispose();
        triageChannel.Dispose();
        outcomesChannel.Dispose();
    }
}
