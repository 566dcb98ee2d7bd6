using GrpcBenchmark;
using Mash.Contracts.Intake.V1;
using Grpc.Core;

namespace IntakeBenchmark;

/// <summary>
/// One SubmitContact call with the agency's bearer token, through the generated Grpc.Net.Client
/// client on N channels (one HTTP/2 connection each, round-robin); each call a new valid contact
/// with a request id of its own. The same for the ceiling and for Intake, so the two differ only in the server.
/// </summary>
internal sealed class SubmitTarget(string name, Uri address, int connections, ContactSource contacts) : IBenchTarget, IDisposable
{
    private readonly ClientPool<IntakeService.IntakeServiceClient> clients = new(address, connections, channel => new IntakeService.IntakeServiceClient(channel));

    /// <summary><c>authorization: Bearer</c> for the benchmark's agency; only read, so every call shares it.</summary>
    public static Metadata Credentials { get; } = new() { { "authorization", Authorization } };

    /// <summary>The header's value, for the bare client too.</summary>
    public const string Authorization = $"Bearer {IntakeHost.Token}";

    public string Name { get; } = name;

    /// <summary>A client for a bulk import's stream(s).</summary>
    public IntakeService.IntakeServiceClient Client => clients.Next();

    public async Task CallAsync(long id)
    {
        var request = contacts.Next();
        Check(request, await clients.Next().SubmitContactAsync(request, Credentials));
    }

    public void Dispose() => clients.Dispose();

    /// <summary>A receipt, from any server, must look like Intake's.</summary>
    public static void Check(SubmitContactRequest request, SubmitContactResponse response)
    {
        if (response.Status != ContactStatus.Received || !Guid.TryParse(response.ContactId, out _))
        {
            throw new InvalidDataException($"Request {request.RequestId}: not a receipt (status {response.Status}, contact id '{response.ContactId}').");
        }
    }
}
