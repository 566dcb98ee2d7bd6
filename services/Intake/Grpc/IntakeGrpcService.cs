using Mash.ServiceDefaults;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Audit;
using Mash.Intake.Contacts;
using Mash.Intake.Listing;
using Mash.Intake.Progress;
using Mash.Intake.Repeats;
using Mash.Intake.Validation;
using Grpc.Core;
using Google.Rpc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Mash.Intake.Grpc;

/// <summary>
/// mash.intake.v1.IntakeService: the agencies' way in. Frontline apps only, each to its own
/// contacts; a contact's content (GetContact) also to MASH practitioners and managers, for screening.
/// An importer replaying a legacy case system submits on behalf of any configured agency, with each
/// contact's original received_at.
/// Every read of a contact, its summary or its progress is in <c>audit_log</c>. A policy per method:
/// ASP.NET Core requires every policy that applies, so one on the class could only narrow them.
/// </summary>
public sealed class IntakeGrpcService(
    ContactIntake intake, AuditedContactReads contacts, Vocabulary vocabulary, ContactListing listing,
    ContactProgress progress, IOptions<WatchOptions> watchOptions, IHostApplicationLifetime lifetime, PartnershipClock clock, AuditLog audit, Refusals refusals,
    AgencyCredentials agencies, EarlierDecisions earlierDecisions) : IntakeService.IntakeServiceBase
{
    /// <summary>How long a client turned away while Intake is saturated or holding back is asked to wait (google.rpc.RetryInfo).</summary>
    public static readonly TimeSpan SaturatedRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The contact, once committed; RESOURCE_EXHAUSTED at once, storing nothing, while Intake is saturated (<see cref="GroupCommitOptions.MaxWaitingContacts"/>)
    /// or holding back because its events pile up unpublished (<see cref="GroupCommitOptions.MaxUnpublishedEvents"/>).
    /// </summary>
    [Authorize(Policy = IntakePolicies.Submitting)]
    public override Task<SubmitContactResponse> SubmitContact(SubmitContactRequest request, ServerCallContext context) =>
        SubmitAsync(request, Callers.SubmitterOf(context), context, shedWhenSaturated: true);

    /// <summary>
    /// Each item as <see cref="SubmitContact"/> takes it, pipelined (<see cref="BulkSubmission"/>): a
    /// refused item is answered with its refusal and the rest go on; each is answered, in order, once
    /// it is committed.
    /// </summary>
    [Authorize(Policy = IntakePolicies.Submitting)]
    public override Task SubmitContacts(IAsyncStreamReader<SubmitContactRequest> requestStream, IServerStreamWriter<SubmitContactResult> responseStream, ServerCallContext context)
    {
        var caller = Callers.SubmitterOf(context);
        return BulkSubmission.RunAsync(requestStream, responseStream, _ => 1,
            request => BulkSubmission.ResultOfAsync(request, r => SubmitAsync(r, caller, context)), context.CancellationToken);
    }

    /// <summary>SubmitContacts a batch a message: each batch answered, in order, once every contact in it is committed or refused.</summary>
    [Authorize(Policy = IntakePolicies.Submitting)]
    public override Task SubmitContactBatches(IAsyncStreamReader<SubmitContactBatch> requestStream, IServerStreamWriter<SubmitContactBatchResult> responseStream, ServerCallContext context)
    {
        var caller = Callers.SubmitterOf(context);
        return BulkSubmission.RunAsync(requestStream, responseStream, batch => batch.Contacts.Count,
            batch => SubmitBatchAsync(batch, caller, context), context.CancellationToken);
    }

    private async Task<SubmitContactBatchResult> SubmitBatchAsync(SubmitContactBatch batch, Submitter caller, ServerCallContext context)
    {
        if (batch.Contacts.Count > BulkSubmission.MaxBatch)
        {
            throw InvalidArgument.Of("The batch was not accepted", [new("contacts", $"at most {BulkSubmission.MaxBatch} contacts a batch; this one has {batch.Contacts.Count}")]);
        }
        // An importer's batch asks once which of the earlier contacts its contacts wait for are undecided.
        var undecided = await earlierDecisions.UndecidedAsync(
            batch.Contacts.SelectMany(c => c.EarlierDecidedIds).Select(id => Guid.TryParse(id, out var contactId) ? contactId : (Guid?)null).OfType<Guid>(), context.CancellationToken);
        var results = await Task.WhenAll(batch.Contacts.Select(request => BulkSubmission.ResultOfAsync(request, r => SubmitAsync(r, caller, context, undecidedEarlier: undecided))));
        return new SubmitContactBatchResult { Results = { results } };
    }

    /// <summary>
    /// One contact, validated, authorised, stored (idempotently) and acknowledged once committed; refusals are thrown as SubmitContact answers them.
    /// A bulk import's contacts wait for their commits however many wait (the stream's in-flight budget holds it back), and wait to be taken while
    /// Intake's events pile up unpublished; a single submission may be shed.
    /// </summary>
    private async Task<SubmitContactResponse> SubmitAsync(
        SubmitContactRequest request, Submitter caller, ServerCallContext context, bool shedWhenSaturated = false, IReadOnlySet<Guid>? undecidedEarlier = null)
    {
        var cancellationToken = context.CancellationToken;
        // An imported contact's dates (birth, incident) are judged against when it was received, not today.
        var receivedAt = ImportValidator.ReceivedAt(request);
        IReadOnlyList<Violation> violations =
        [
            .. ContactValidator.Validate(request, vocabulary, receivedAt is { } at ? clock.At(at) : clock.Now),
            .. ImportValidator.Validate(request, caller.IsImporter, clock.Now, agencies.HasAgency),
        ];
        if (violations.Count > 0)
        {
            throw InvalidArgument.Of("The contact was not accepted", violations);
        }
        // An agency submits only its own contacts; an attempt as another is on record under its request_id
        // (no contact exists to name). A retry's read-back returns only the receipt (no personal data), so it is not audited.
        if (!caller.Agency.MaySee(request.Contact.Agency.OrganisationId))
        {
            throw await refusals.RefuseAsync(context, request.RequestId, "An agency submits contacts only as itself: contact.agency.organisation_id is not the calling agency.");
        }
        if (request.EarlierDecidedIds.Count > 0)
        {
            await EnsureEarlierDecidedAsync(request, undecidedEarlier, cancellationToken);
        }
        var committing = shedWhenSaturated
            ? intake.TrySubmitAsync(request.RequestId, request.Contact, cancellationToken, out var unpublished, receivedAt) ?? throw Shed(unpublished)
            : intake.SubmitAsync(request.RequestId, request.Contact, cancellationToken, receivedAt);
        return ContactMessages.ToResponse(await committing);
    }

    /// <summary>FAILED_PRECONDITION, storing nothing, while Intake has not heard each of the earlier contacts the importer named decided.</summary>
    private async Task EnsureEarlierDecidedAsync(SubmitContactRequest request, IReadOnlySet<Guid>? undecided, CancellationToken cancellationToken)
    {
        var earlier = request.EarlierDecidedIds.Select(Guid.Parse).ToList();
        undecided ??= await earlierDecisions.UndecidedAsync(earlier, cancellationToken);
        if (earlier.Where(undecided.Contains).ToList() is { Count: > 0 } waiting)
        {
            throw RpcErrors.FailedPrecondition(
                $"Intake has not yet heard that earlier contact {string.Join(", ", waiting)} was decided. Nothing was stored; send the same request again shortly.");
        }
    }

    /// <summary>RESOURCE_EXHAUSTED for a contact shed, saying why: its events would pile up unpublished, or too many contacts wait to be stored.</summary>
    private static RpcException Shed(long? unpublished) => RpcErrors.ResourceExhausted(
        unpublished is { } events
            ? $"Intake is holding back: {events} events wait to be announced downstream. Nothing was stored; send the same request again shortly."
            : "Intake is saturated: too many contacts are waiting to be stored. Nothing was stored; send the same request again shortly.",
        SaturatedRetryDelay);

    [Authorize(Policy = MashPolicies.AgenciesAndPractitioners)]
    public override async Task<ContactRecord> GetContact(GetContactRequest request, ServerCallContext context)
    {
        var contactId = ContactIds.Parse(request.ContactId);
        var caller = context.GetCaller();
        // Another agency's contact is PERMISSION_DENIED (and audited as denied), as issue 4 asks, though
        // it tells the caller the id exists; an unknown id is NOT_FOUND.
        var lookup = await contacts.GetAsync(contactId, caller, Callers.ScopeOf(caller), context.Method, context.CancellationToken);
        if (lookup.Denied)
        {
            throw RpcErrors.PermissionDenied($"Contact {contactId} was submitted by another agency.");
        }
        var stored = lookup.Contact
            ?? throw RpcErrors.NotFound($"Contact {contactId} was not found.");
        return ContactMessages.ToRecord(stored);
    }

    /// <summary>
    /// The caller's own contacts, newest first. Summaries name no one, but their presenting issues are
    /// about a child or adult at risk, so each contact listed is audited (allowed) before the page leaves.
    /// </summary>
    [Authorize(Policy = MashPolicies.Agencies)]
    public override async Task<ListContactsResponse> ListContacts(ListContactsRequest request, ServerCallContext context)
    {
        var agencyId = Callers.AgencyOf(context).OrganisationId
            ?? throw RpcErrors.Unauthenticated("The call carries no authenticated agency.");
        var options = listing.Options;
        var violations = new List<Violation>();
        if (PageSizes.Violation(request.PageSize, options.ListPageSize, options.ListMaxPageSize) is { } pageSize)
        {
            violations.Add(new(pageSize.Field, pageSize.Description));
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
        var page = await listing.ListAsync(agencyId, PageSizes.Of(request.PageSize, options.ListPageSize), after, context.CancellationToken);
        await audit.RecordAsync(context.GetCaller(), context.Method, [.. page.Contacts.Select(c => (string?)c.Receipt.ContactId.ToString())], AuditOutcome.Allowed, context.CancellationToken);
        return ContactMessages.ToResponse(page);
    }

    /// <summary>
    /// The contact's status now, then each change, until the client cancels or the contact is CLOSED
    /// (the stream then ends OK). The caller's own contact only; its opening is audited, allowed or
    /// denied (status and outcome code are still about a person). It polls the
    /// contact's row every <see cref="WatchOptions.WatchPollInterval"/> rather than hearing the
    /// events: Intake's replicas compete for them, so the replica serving this stream may never see
    /// the event that changed the contact; the row every replica shares does. When this replica
    /// stops the stream ends at once, UNAVAILABLE (watch again: another replica will serve).
    /// </summary>
    [Authorize(Policy = MashPolicies.Agencies)]
    public override async Task WatchContact(WatchContactRequest request, IServerStreamWriter<ContactStatusChange> responseStream, ServerCallContext context)
    {
        var contactId = ContactIds.Parse(request.ContactId);
        var caller = Callers.AgencyOf(context);
        var current = await progress.ReadAsync(contactId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"Contact {contactId} was not found.");
        if (!caller.MaySee(current.AgencyId))
        {
            await audit.RecordAsync(context, contactId.ToString(), AuditOutcome.Denied);
            throw RpcErrors.PermissionDenied($"Contact {contactId} was submitted by another agency.");
        }
        await audit.RecordAsync(context, contactId.ToString(), AuditOutcome.Allowed);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await responseStream.WriteAsync(ToChange(contactId.ToString(), current), ending.Token);
            while (current.Status != ContactStatus.Closed)
            {
                await Task.Delay(watchOptions.Value.WatchPollInterval, ending.Token);
                var next = await progress.ReadAsync(contactId, ending.Token)
                    ?? throw RpcErrors.NotFound($"Contact {contactId} is no longer held.");
                if (next.Status != current.Status || next.Outcome != current.Outcome)
                {
                    await responseStream.WriteAsync(ToChange(contactId.ToString(), next), ending.Token);
                    current = next;
                }
            }
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            if (!context.CancellationToken.IsCancellationRequested)
            {
                throw RpcErrors.Unavailable("This Intake replica is stopping; watch the contact again.");
            }
        }
    }

    private static ContactStatusChange ToChange(string contactId, ContactProgressRow row) => new()
    {
        ContactId = contactId,
        Status = row.Status,
        Outcome = row.Outcome ?? "",
        ChangedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(row.ChangedAt),
    };
}
