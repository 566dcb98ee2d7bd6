using Grpc.Core;
using Mash.Contracts.Intake.V1;

namespace Mash.Triage.Content;

/// <summary>
/// A contact's content for screening, read from Intake, which owns it, by an internal gRPC call on
/// the practitioner's behalf: the caller's own credentials go with it, so Intake decides whether
/// that person may read it and records the read in its audit log. Triage holds no standing right to
/// contacts' content and keeps none of it (least exposure); its queue has only what ContactReceived carries.
/// </summary>
internal sealed class IntakeContent(IntakeService.IntakeServiceClient intake)
{
    public const string AuthorizationHeader = "authorization";

    /// <summary>Intake's record of the contact; Intake's refusals (NOT_FOUND, PERMISSION_DENIED, UNAVAILABLE) come back as they are.</summary>
    public async Task<ContactRecord> ReadAsync(string contactId, string? authorization, DateTime? deadline, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        if (!string.IsNullOrEmpty(authorization))
        {
            headers.Add(AuthorizationHeader, authorization);
        }
        return await intake.GetContactAsync(new GetContactRequest { ContactId = contactId }, headers, deadline, cancellationToken);
    }
}
