using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Audit;
using Mash.Intake.Contacts;
using Mash.Intake.Listing;
using Mash.Intake.Validation;
using MashGrpc.Core;
using MashGrpc.Rpc;

namespace Mash.Intake.Grpc;

/// <summary>mash.intake.v1.IntakeService: the agencies' way in.</summary>
public sealed class IntakeGrpcService(ContactIntake intake, AuditedContactReads contacts, Vocabulary vocabulary, ContactListing listing) : IntakeService.IntakeServiceBase
{
    public override Task<SubmitContactResponse> SubmitContact(SubmitContactRequest request, ServerCallContext context) =>
        SubmitAsync(request, Callers.AgencyOf(context), context.CancellationToken);

    /// <summary>
    /// Each item as <see cref="SubmitContact"/> takes it (the same <see cref="SubmitAsync"/>, its own
    /// transaction), answered in order once it is committed. An item SubmitContact would refuse
    /// (INVALID_ARGUMENT, PERMISSION_DENIED) is answered with that refusal and the rest go on; any
    /// other failure (the database unavailable) ends the call, leaving the items after it unanswered
    /// and so, to the client, unacknowledged.
    /// </summary>
    public override async Task SubmitContacts(IAsyncStreamReader<SubmitContactRequest> requestStream, IServerStreamWriter<SubmitContactResult> responseStream, ServerCallContext context)
    {
        var caller = Callers.AgencyOf(context);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            var result = new SubmitContactResult { RequestId = request.RequestId };
            try
            {
                result.Accepted = await SubmitAsync(request, caller, context.CancellationToken);
            }
            catch (RpcException refused) when (ContactRejections.IsRejection(refused))
            {
                result.Rejected = ContactRejections.From(refused);
            }
            await responseStream.WriteAsync(result, context.CancellationToken);
        }
    }

    /// <summary>One contact, validated, authorised, stored (idempotently) and acknowledged once committed; refusals are thrown as SubmitContact answers them.</summary>
    private async Task<SubmitContactResponse> SubmitAsync(SubmitContactRequest request, CallerAgency caller, CancellationToken cancellationToken)
    {
        var violations = ContactValidator.Validate(request, vocabulary);
        if (violations.Count > 0)
        {
            throw InvalidArgument.Of("The contact was not accepted", violations);
        }
        // An agency submits only its own contacts. A retry's read-back returns only the receipt (no personal data), so it is not audited.
        if (!caller.MaySee(request.Contact.Agency.OrganisationId))
        {
            throw RpcErrors.PermissionDenied("An agency submits contacts only as itself: contact.agency.organisation_id is not the calling agency.");
        }
        var receipt = await intake.SubmitAsync(request.RequestId, request.Contact, cancellationToken);
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

    /// <summary>The caller's own contacts, newest first. Summaries carry no personal data, so nothing is audited.</summary>
    public override async Task<ListContactsResponse> ListContacts(ListContactsRequest request, ServerCallContext context)
    {
        var agencyId = Callers.AgencyOf(context).OrganisationId
            ?? throw RpcErrors.Unauthenticated("The call carries no authenticated agency.");
        var options = listing.Options;
        var violations = new List<Violation>();
        if (request.PageSize < 0 || request.PageSize > options.ListMaxPageSize)
        {
            violations.Add(new("page_size", $"must be from 0 (the default, {options.ListPageSize}) to {options.ListMaxPageSize}"));
        }
        PageToken? after = null;
        if (request.PageToken.Length > 0 && !PageToken.TryDecode(request.PageToken, out after))
        {
            violations.Add(new("page_token", "not a token ListContacts returned: pass next_page_token unchanged, or nothing for the first page"));
        }
        if (violations.Count > 0)
        {
            throw InvalidArgument.Of("The listing was not accepted", violations);
        }
        var pageSize = request.PageSize == 0 ? options.ListPageSize : request.PageSize;
        var page = await listing.ListAsync(agencyId, pageSize, after, context.CancellationToken);
        return ContactMessages.ToResponse(page);
    }
}
