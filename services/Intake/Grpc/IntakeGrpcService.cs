using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Mash.Intake.Validation;
using MashGrpc.Core;

namespace Mash.Intake.Grpc;

/// <summary>mash.intake.v1.IntakeService: the agencies' way in.</summary>
public sealed class IntakeGrpcService(ContactIntake intake, ContactStore contacts, Vocabulary vocabulary) : IntakeService.IntakeServiceBase
{
    public override async Task<SubmitContactResponse> SubmitContact(SubmitContactRequest request, ServerCallContext context)
    {
        var violations = ContactValidator.Validate(request, vocabulary);
        if (violations.Count > 0)
        {
            throw InvalidArgument.Of("The contact was not accepted", violations);
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
        var stored = await contacts.FindAsync(contactId, Callers.AgencyOf(context), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Contact {contactId} was not found."));
        return ContactMessages.ToRecord(stored);
    }
}
