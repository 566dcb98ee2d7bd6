using GrpcBenchmark;
using Mash.Contracts.Intake.V1;
using Grpc.Net.Client;
using Grpc.Core;

namespace IntakeBenchmark;

/// <summary>
/// One SubmitContact call with the agency's bearer token, through the generated client on a channel
/// of N HTTP/2 connections; each call a new valid contact with a request id of its own. The same for
/// the ceiling and for Intake, so the two differ only in the server.
/// </summary>
internal sealed class SubmitTarget : IBenchTarget, IDisposable
{
    private readonly GrpcChannel channel;
    private readonly IntakeService.IntakeServiceClient client;
    private readonly ContactSource contacts;

    public SubmitTarget(string name, Uri address, int connections, ContactSource contacts)
    {
        channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { Connections = connections });
        client = new IntakeService.IntakeServiceClient(channel);
        this.contacts = contacts;
        Name = name;
    }

    /// <summary><c>authorization: Bearer</c> for the benchmark's agency; only read, so every call shares it.</summary>
    public static Metadata Credentials { get; } = new() { { "authorization", $"Bearer {IntakeHost.Token}" } };

    public string Name { get; }

    public IntakeService.IntakeServiceClient Client => client;

    public async Task CallAsync(long id)
    {
        var request = contacts.Next();
        var response = await client.SubmitContactAsync(request, Credentials);
        if (response.Status != ContactStatus.Received || !Guid.TryParse(response.ContactId, out _))
        {
            throw new InvalidDataException($"Request {request.RequestId}: not a receipt (status {response.Status}, contact id '{response.ContactId}').");
        }
    }

    public void Dispose() => channel.Dispose();
}
