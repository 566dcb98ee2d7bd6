using Mash.Intake.Contacts;
using Mash.Intake.Subjects;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.Intake.Repeats;

/// <summary>
/// Finds the earlier contacts each new contact repeats: those sharing any of its subject references
/// (the same NHS number, or else the same normalised name, date of birth and postcode: see
/// <see cref="Subjects.SubjectIdentity"/>) and received within the window before it, most recent
/// first, at most the limit. Earlier means stored already, or earlier in the same group commit.
/// Apart from them, with a limit of their own, it finds the earlier contacts in the window that the
/// MASH had decided were referrals by the time this one was received (O3); a contact earlier in the
/// same group commit is undecided, so never one of those.
/// </summary>
/// <remarks>
/// It runs in the committing transaction, under READ COMMITTED, so it sees the contacts committed
/// before it starts. Two contacts about the same subject committed at the same moment by two
/// concurrent commits may therefore miss each other: each is stored and acknowledged, and each lists
/// what was committed before it, with or without the other. No lock is taken, so submissions about
/// one subject never queue. Likewise an earlier contact counts as a referral once Intake has consumed
/// its DecisionRecorded, and only if that decision was made by the new contact's receipt time.
/// </remarks>
public sealed class RepeatFinder(RepeatWindow window, int limit)
{
    public RepeatFinder(IOptions<RepeatOptions> options) : this(options.Value.Window, options.Value.RepeatLimit)
    {
    }

    public RepeatWindow Window => window;

    public int Limit => limit;

    /// <summary>What each of <paramref name="batch"/> repeats, in its order.</summary>
    public async Task<IReadOnlyList<RepeatedContacts>> FindAsync(NpgsqlTransaction transaction, IReadOnlyList<PendingContact> batch, CancellationToken cancellationToken = default)
    {
        var found = batch.Select(_ => new Found()).ToList();
        await FindStoredAsync(transaction, batch, found, cancellationToken);
        FindInBatch(batch, found);
        return [.. found.Select(f => RepeatedContacts.Of(Latest(f.Contacts), Latest(f.Referrals)))];
    }

    /// <summary>
    /// One query for the whole batch: per subject reference, its latest contacts in the window (its
    /// rows of contact_subjects, by the hash index) and, separately, its latest contacts in the window that were
    /// referrals by the time the new contact was received (the same rows, each looked up in the
    /// index of referrals, contacts_referred). Most subjects are new: only those with an earlier
    /// contact are looked up for referrals.
    /// </summary>
    private async Task FindStoredAsync(NpgsqlTransaction transaction, IReadOnlyList<PendingContact> batch, List<Found> found, CancellationToken cancellationToken)
    {
        var lookups = batch.SelectMany((p, i) => p.SubjectRefs.Select(subjectRef => (Index: i, SubjectRef: subjectRef, p.ReceivedAt))).ToList();
        if (lookups.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            WITH r AS (SELECT * FROM unnest($1::int[], $2::bytea[], $3::timestamptz[], $4::timestamptz[]) AS r(n, subject_ref, since, until)),
            contacts_found AS (
                SELECT r.n, r.subject_ref, r.since, r.until, m.contact_id, m.received_at FROM r
                CROSS JOIN LATERAL (
                    SELECT s.contact_id, s.received_at FROM contact_subjects s
                    WHERE s.subject_ref = r.subject_ref AND s.received_at >= r.since AND s.received_at <= r.until
                    ORDER BY s.received_at DESC, s.contact_id DESC
                    LIMIT $5) AS m)
            SELECT n, contact_id, received_at, false FROM contacts_found
            UNION ALL
            SELECT r.n, m.contact_id, m.received_at, true FROM (SELECT DISTINCT n, subject_ref, since, until FROM contacts_found) AS r
            CROSS JOIN LATERAL (
                SELECT s.contact_id, s.received_at FROM contact_subjects s JOIN contacts c ON c.id = s.contact_id
                WHERE s.subject_ref = r.subject_ref AND s.received_at >= r.since AND s.received_at <= r.until
                    AND c.referred_at <= r.until
                ORDER BY s.received_at DESC, s.contact_id DESC
                LIMIT $5) AS m
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = lookups.Select(l => l.Index).ToArray() });
        command.Parameters.Add(new() { Value = lookups.Select(l => StoredSubjectRef.Of(l.SubjectRef)).ToArray() });
        command.Parameters.Add(new() { Value = lookups.Select(l => window.StartFor(l.ReceivedAt)).ToArray() });
        command.Parameters.Add(new() { Value = lookups.Select(l => l.ReceivedAt).ToArray() });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var earlier = new Earlier(reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2));
            var into = found[reader.GetInt32(0)];
            (reader.GetBoolean(3) ? into.Referrals : into.Contacts).Add(earlier);
        }
    }

    /// <summary>Contacts of the same batch received before each other about a shared subject (none is decided yet, so none is a referral).</summary>
    private void FindInBatch(IReadOnlyList<PendingContact> batch, List<Found> found)
    {
        var bySubject = new Dictionary<string, List<int>>();
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var subjectRef in batch[i].SubjectRefs.Distinct())
            {
                if (bySubject.TryGetValue(subjectRef, out var others))
                {
                    others.Add(i);
                }
                else
                {
                    bySubject[subjectRef] = [i];
                }
            }
        }
        foreach (var sharing in bySubject.Values.Where(indexes => indexes.Count > 1))
        {
            foreach (var i in sharing)
            {
                var mine = new Earlier(batch[i].ContactId, batch[i].ReceivedAt);
                var since = window.StartFor(mine.ReceivedAt);
                found[i].Contacts.AddRange(sharing
                    .Select(j => new Earlier(batch[j].ContactId, batch[j].ReceivedAt))
                    .Where(other => other.ReceivedAt >= since && other.CompareTo(mine) < 0));
            }
        }
    }

    private Guid[] Latest(List<Earlier> earlier) => [.. earlier.Distinct().OrderDescending().Take(limit).Select(e => e.ContactId)];

    /// <summary>What one new contact repeats, as found so far.</summary>
    private sealed class Found
    {
        public List<Earlier> Contacts { get; } = [];

        public List<Earlier> Referrals { get; } = [];
    }

    /// <summary>Ordered as the contacts table orders them: by receipt time, then id (Guid compares as PostgreSQL's uuid does).</summary>
    private readonly record struct Earlier(Guid ContactId, DateTimeOffset ReceivedAt) : IComparable<Earlier>
    {
        public int CompareTo(Earlier other) => ReceivedAt != other.ReceivedAt ? ReceivedAt.CompareTo(other.ReceivedAt) : ContactId.CompareTo(other.ContactId);
    }
}
