using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Audit;
using Mash.Intake.Contacts;
using Mash.Intake.Validation;
using MashGrpc.Core;
using MashGrpc.Rpc;

namespace Mash.Intake.Grpc;

/// <summary>mash.intake.v1.IntakeService: the agencies' way in.</summary>
public sealed class IntakeGrpcService(ContactIntake intake, AuditedContactReads contacts, Vocabulary vocabulary) : IntakeService.IntakeServiceBase
{
    public override async Task<SubmitContactResponse> SubmitContact(SubmitContactRequest request, ServerCallContext context)
    {
        var violations = ContactValidator.Validate(request, vocabulary);
        if (violations.Count > 0)
        {
            throw InvalidArgument.Of("The contact was not accepted", violations);
        }
        // An agency submits only its own contacts. A retry's read-back returns only the receipt (no personal data), so it is not audited.
        if (!Callers.AgencyOf(context).MaySee(request.Contact.Agency.OrganisationId))
        {
            throw RpcErrors.PermissionDenied("An agency submits contacts only as itself: contact.agency.organisation_id is not the calling agency.");
        }
        var receipt = await intake.SubmitAsync(request.RequestId, request.Contact, context.CancellationToken);
        return ContactMessages.ToResponse(receipt);
    }

    public override async Task<ContactRecord> GetContact(GetContactRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.ContactId, out var contactId))
        {
            throw InvalidArgument.Of("The contact id is missing or malformed", [new("contact_id", "required: the contact id SubmitContact returned (a UUID)")]);
        }
        // Another agency's contact is PERMISSION_DENIED (and audited as denied), as issue 4 asks, though
        // it tells the caller the id exists; an unknown id is NOT_FOUND.
        var lookup = await contacts.GetAsync(contactId, Callers.AgencyOf(context), nameof(GetContact), context.CancellationToken);
        if (lookup.Denied)
        {
            throw RpcErrors.PermissionDenied($"Contact {contactId} was submitted by another agency.");
        }
        var stored = lookup.Contact
            ?? throw RpcErrors.NotFound($"Contact {contactId} was not found.");
        return ContactMessages.ToRecord(stored);
    }
}
