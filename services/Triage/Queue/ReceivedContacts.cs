using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Triage.Queue;

/// <summary>Contacts Intake announces, into the screening queue: once each, however often an event is delivered.</summary>
internal sealed class ReceivedContacts(NpgsqlDataSource database, QueueStore queue)
{
    // The inbox key: stable, so renaming a class never makes old events look new.
    private const string InboxName = "triage.contact-received";

    /// <summary>
    /// Queues a batch of announced contacts in one transaction, a row of Intake's outbox at a time
    /// (<see cref="EventBatch{T}.RowRanges"/>). A row seen before, or again in the batch, adds nothing;
    /// a contact announced twice keeps the entry that arrived first.
    /// </summary>
    public Task ReceiveAsync(IReadOnlyList<ContactReceived> batch, CancellationToken cancellationToken) =>
        QueueAsync(EventInbox.RowsOfOne(batch.Select(Announced)), cancellationToken);

    /// <inheritdoc cref="ReceiveAsync"/>
    public Task QueueAsync(IReadOnlyList<IReadOnlyList<AnnouncedContact>> rows, CancellationToken cancellationToken) =>
        EventInbox.ApplyNewAsync(database, InboxName, rows, a => a.EventId,
            (transaction, fresh) => queue.AddAsync(transaction, [.. fresh.Select(a => a.Entry)], cancellationToken), cancellationToken);

    /// <summary>The event's id and its queue entry; a malformed event is refused (see <see cref="ToQueueEntry"/>).</summary>
    public static AnnouncedContact Announced(ContactReceived received) => new(received.EventId, ToQueueEntry(received));

    /// <summary>
    /// The queue entry for a contact Intake announced. It was received when the contact happened
    /// (occurred_at: for a contact imported from a legacy system that is its original time, not
    /// the import's), falling back to recorded_at from a producer that left occurred_at unset.
    /// </summary>
    public static QueueEntry ToQueueEntry(ContactReceived received)
    {
        if (string.IsNullOrWhiteSpace(received.EventId) || string.IsNullOrWhiteSpace(received.ContactId)
            || (received.OccurredAt ?? received.RecordedAt) is not { } at)
        {
            // No retry mends it: after MassTransit's retries it rests in the _error queue for an operator.
            throw new InvalidOperationException($"ContactReceived '{received.EventId}' lacks an event_id, a contact_id or a time.");
        }
        return new QueueEntry(received.ContactId, received.AgencyId, received.ContactType, [.. received.PresentingIssues],
            at.ToDateTimeOffset(), Rag.Unspecified, Decision: null, received.Pathway);
    }
}

/// <summary>A contact Intake announced, as Triage queues it, under the id of the event that announced it.</summary>
internal sealed record AnnouncedContact(string EventId, QueueEntry Entry);
