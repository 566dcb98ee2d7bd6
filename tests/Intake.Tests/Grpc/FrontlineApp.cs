using Mash.Contracts.Intake.V1;
using Grpc.Net.Client;
using Grpc.Core;

namespace Mash.Intake.Tests.Grpc;

// README.md ("Calling Intake from any gRPC client") shows this class word for word;
// FrontlineAppExampleTests runs it against a real server and checks the README still matches it.
public static class FrontlineApp
{
    /// <summary>Submits a contact as the agency the token belongs to, then hands each change of its status to onChange until the MASH closes it.</summary>
    public static async Task<string> SubmitAndFollowAsync(GrpcChannel channel, string token, Contact contact, Action<ContactStatusChange> onChange, CancellationToken cancellationToken = default)
    {
        var intake = new IntakeService.IntakeServiceClient(channel);
        var credentials = new Metadata { { "authorization", $"Bearer {token}" } };   // every call carries the agency's token
        // On a retry send this same request (the same id): Intake stores the contact once.
        var request = new SubmitContactRequest { RequestId = Guid.CreateVersion7().ToString(), Contact = contact };
        var receipt = await intake.SubmitContactAsync(request, credentials, cancellationToken: cancellationToken);
        using var watch = intake.WatchContact(new WatchContactRequest { ContactId = receipt.ContactId }, credentials, cancellationToken: cancellationToken);
        await foreach (var change in watch.ResponseStream.ReadAllAsync(cancellationToken))
        {
            onChange(change);   // RECEIVED at once, then IN_TRIAGE, DECIDED, and CLOSED with the outcome code
        }
        return receipt.ContactId;   // the stream ended OK: the contact is CLOSED
    }
}
