using System.Diagnostics.Metrics;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Subjects;
using Mash.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Mash.Intake.Contacts;

/// <summary>
/// Takes in a valid contact: fixes its id, receipt time and subject references, then waits for its
/// group commit (<see cref="ContactBatchWriter"/>), which stores it with its ContactReceived event,
/// so the contact is acknowledged only once both are durable. Idempotent on the request id: a retry
/// gets the first receipt back. Counts the contacts waiting for a commit, so a single submission
/// can be turned away at once when too many already wait (<see cref="GroupCommitOptions.MaxWaitingContacts"/>)
/// or when too many of Intake's events wait to be published (<see cref="GroupCommitOptions.MaxUnpublishedEvents"/>,
/// read from <c>unpublishedEvents</c>; the service passes OutboxWaiting's latest sample),
/// counted as <see cref="ShedCounterName"/> on the meter named after the application.
/// </summary>
public sealed class ContactIntake(
    ContactBatchWriter writer, SubjectPseudonyms pseudonyms, TimeProvider time, IOptions<GroupCommitOptions> options,
    IMeterFactory? meters = null, IHostEnvironment? environment = null, Func<long?>? unpublishedEvents = null)
{
    public const string ShedCounterName = "mash.intake.contacts.shed";

    /// <summary>How often a bulk contact held back by the outbox's backlog looks at it again.</summary>
    private static readonly TimeSpan BacklogRecheck = TimeSpan.FromMilliseconds(150);

    private readonly GroupCommit<PendingContact, ContactReceipt> commits = new(writer.WriteAsync, options.Value.CommitBatchSize, options.Value.ConcurrentCommits);
    private readonly int maxWaiting = options.Value.MaxWaitingContacts;
    private readonly int maxUnpublished = options.Value.MaxUnpublishedEvents;
    private readonly Counter<long>? shed = meters?.Create(environment?.ApplicationName ?? "Intake")
        .CreateCounter<long>(ShedCounterName, "{contact}",
            "Contacts refused RESOURCE_EXHAUSTED, unstored, because Intake:MaxWaitingContacts already waited for a commit or more than Intake:MaxUnpublishedEvents events waited to be published.");
    private readonly Lock backlogLock = new();
    private Task? backlogFallen;
    private int waiting;

    /// <summary>Contacts submitted and not yet committed (or failed).</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>
    /// The contact's receipt once committed, however many wait (a bulk import, bounded by its own
    /// stream). While more than <see cref="GroupCommitOptions.MaxUnpublishedEvents"/> events wait to
    /// be published, the contact first waits, untaken, until fewer do, so a bulk import slows to the
    /// pace its events leave. Cancelling that wait stores nothing; cancelling later stops the wait,
    /// not the commit: the contact may still be stored, unacknowledged, and a retry with the same
    /// request id gets its receipt. <paramref name="receivedAt"/> is an imported contact's original
    /// receipt (validated already); null, the contact is received now.
    /// </summary>
    public Task<ContactReceipt> SubmitAsync(string requestId, Contact contact, CancellationToken cancellationToken, DateTimeOffset? receivedAt = null) =>
        UnpublishedBeyondBound() is null
            ? Take(requestId, contact, receivedAt, cancellationToken)
            : TakeOnceBacklogFallsAsync(requestId, contact, receivedAt, cancellationToken);

    /// <summary>
    /// As <see cref="SubmitAsync"/>, unless Intake is holding back (more than <see cref="GroupCommitOptions.MaxUnpublishedEvents"/>
    /// events wait to be published: <paramref name="unpublished"/> says how many) or saturated (<see cref="GroupCommitOptions.MaxWaitingContacts"/>
    /// contacts already wait; <paramref name="unpublished"/> null): then null at once, nothing stored, and the refusal counted.
    /// </summary>
    public Task<ContactReceipt>? TrySubmitAsync(string requestId, Contact contact, CancellationToken cancellationToken, out long? unpublished, DateTimeOffset? receivedAt = null)
    {
        // Refused before any work is done for it: a saturated Intake spends nothing on what it turns away.
        unpublished = UnpublishedBeyondBound();
        if (unpublished is not null)
        {
            shed?.Add(1);
            return null;
        }
        if (Interlocked.Increment(ref waiting) > maxWaiting)
        {
            Interlocked.Decrement(ref waiting);
            shed?.Add(1);
            return null;
        }
        try
        {
            return CommitAsync(Pending(requestId, contact, receivedAt), cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref waiting);
            throw;
        }
    }

    /// <summary>The events waiting to be published when more than the bound; null when fewer, or when not known.</summary>
    private long? UnpublishedBeyondBound() => unpublishedEvents?.Invoke() is { } events && events > maxUnpublished ? events : null;

    private Task<ContactReceipt> Take(string requestId, Contact contact, DateTimeOffset? receivedAt, CancellationToken cancellationToken)
    {
        var pending = Pending(requestId, contact, receivedAt);
        Interlocked.Increment(ref waiting);
        return CommitAsync(pending, cancellationToken);
    }

    /// <summary>Waits with nothing fixed, no connection and not counted as waiting for a commit, so a held-back import costs Intake nothing.</summary>
    private async Task<ContactReceipt> TakeOnceBacklogFallsAsync(string requestId, Contact contact, DateTimeOffset? receivedAt, CancellationToken cancellationToken)
    {
        await BacklogFallenAsync().WaitAsync(cancellationToken);
        return await Take(requestId, contact, receivedAt, cancellationToken);
    }

    /// <summary>Completes once the backlog is within the bound: one poll shared by every contact held back, however many.</summary>
    private Task BacklogFallenAsync()
    {
        lock (backlogLock)
        {
            if (backlogFallen is not { IsCompleted: false })
            {
                backlogFallen = PollBacklogAsync();
            }
            return backlogFallen;
        }
    }

    private async Task PollBacklogAsync()
    {
        do
        {
            await Task.Delay(BacklogRecheck, time);
        }
        while (UnpublishedBeyondBound() is not null);
    }

    private PendingContact Pending(string requestId, Contact contact, DateTimeOffset? originallyReceivedAt)
    {
        var receivedAt = ToMicroseconds(originallyReceivedAt ?? time.GetUtcNow());
        var contactId = NewGuids.OrderedBy(receivedAt);
        return new PendingContact(requestId, contact, contactId, receivedAt, pseudonyms.RefsFor(contact, contactId));
    }

    /// <summary>Waits for the commit; the contact stops counting as waiting when its commit ends, not when its caller stops waiting.</summary>
    private Task<ContactReceipt> CommitAsync(PendingContact pending, CancellationToken cancellationToken) =>
        CountedDownAsync(commits.SubmitAsync(pending)).WaitAsync(cancellationToken);

    // No longer waiting once its commit ends, whether or not its caller still waits; counted down
    // before anyone hears of the commit, so an acknowledged contact never still counts as waiting.
    private async Task<ContactReceipt> CountedDownAsync(Task<ContactReceipt> committed)
    {
        try
        {
            return await committed.ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    // PostgreSQL keeps microseconds; a receipt read back on a retry must equal the first one exactly.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
}
