using Mash.Contracts.Intake.V1;
using Mash.Intake.Subjects;
using Mash.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Mash.Intake.Contacts;

/// <summary>
/// Takes in a valid contact: fixes its id, receipt time and subject references, then waits for its
/// group commit (<see cref="ContactBatchWriter"/>), which stores it with its ContactReceived event,
/// so the contact is acknowledged only once both are durable. Idempotent on the request id: a retry
/// gets the first receipt back.
/// </summary>
public sealed class ContactIntake(ContactBatchWriter writer, SubjectPseudonyms pseudonyms, TimeProvider time, IOptions<GroupCommitOptions> options)
{
    private readonly GroupCommit<PendingContact, ContactReceipt> commits = new(writer.WriteAsync, options.Value.CommitBatchSize, options.Value.ConcurrentCommits);

    /// <summary>
    /// The contact's receipt once committed. Cancelling stops the wait, not the commit: the contact
    /// may still be stored, unacknowledged, and a retry with the same request id gets its receipt.
    /// </summary>
    public Task<ContactReceipt> SubmitAsync(string requestId, Contact contact, CancellationToken cancellationToken)
    {
        var receivedAt = ToMicroseconds(time.GetUtcNow());
        var contactId = Guid.CreateVersion7(receivedAt);
        var pending = new PendingContact(requestId, contact, contactId, receivedAt, pseudonyms.RefsFor(contact, contactId));
        return commits.SubmitAsync(pending).WaitAsync(cancellationToken);
    }

    // PostgreSQL keeps microseconds; a receipt read back on a retry must equal the first one exactly.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
}
