using System.Data;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Repeats;
using Mash.Intake.Returns.Fields;
using Mash.Intake.Subjects;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Intake.Returns;

/// <summary>
/// The children a return counts in a period, read with everything their rows need and the read of
/// each contact recorded in <c>audit_log</c> in the same transaction: none leaves until its row is committed.
/// </summary>
public sealed class ReturnRecords(NpgsqlDataSource dataSource, SubjectPseudonyms pseudonyms, RepeatFinder repeats, AuditLog audit)
{
    /// <summary>Audit rows a statement: a year's return writes tens of thousands.</summary>
    public const int AuditBatch = 10_000;

    public async Task<IReadOnlyList<ReturnChild>> ReadAsync(
        ReturnBasis basis, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, Caller caller, string action, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot, so the earlier-referral counts agree with the referrals listed.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var children = await ReadChildrenAsync(transaction, basis, start, end, zone, cancellationToken);
        if (basis == ReturnBasis.Referrals)
        {
            children = await WithEarlierReferralsAsync(transaction, children, cancellationToken);
        }
        foreach (var contacts in children.Select(c => (string?)c.ContactId.ToString()).Distinct().Chunk(AuditBatch))
        {
            await audit.RecordAsync(transaction, caller, action, contacts, AuditOutcome.Allowed, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return children;
    }

    private async Task<List<ReturnChild>> ReadChildrenAsync(
        NpgsqlTransaction transaction, ReturnBasis basis, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var when = basis == ReturnBasis.Referrals ? "referred_at" : "received_at";
        await using var command = new NpgsqlCommand($"""
            SELECT id, received_at, body, referred_at, outcome FROM contacts
            WHERE {when} >= $1 AND {when} < $2
            ORDER BY {when}, id
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = start });
        command.Parameters.Add(new() { Value = end });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var children = new List<ReturnChild>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var contactId = reader.GetGuid(0);
            var contact = Contact.Parser.ParseFrom(reader.GetFieldValue<byte[]>(2));
            var contactDate = LocalDate(reader.GetFieldValue<DateTimeOffset>(1), zone);
            DateTimeOffset? referredAt = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
            var outcome = reader.IsDBNull(4) ? null : reader.GetString(4);
            children.AddRange(contact.Subjects
                .Select((subject, index) => (Subject: subject, Index: index))
                .Where(s => ReturnedChildren.Counts(contact, s.Subject))
                .Select(s => new ReturnChild(contactId, contact, s.Subject, pseudonyms.RefFor(s.Subject, contactId, s.Index), contactDate, referredAt is { } at ? LocalDate(at, zone) : null, referredAt, outcome, null)));
        }
        return children;
    }

    /// <summary>
    /// Each referral's count of the child's other referrals (contacts about the same subject reference)
    /// decided within the repeat window (Intake:RepeatWindow) before it: one query for the lot.
    /// </summary>
    private async Task<List<ReturnChild>> WithEarlierReferralsAsync(NpgsqlTransaction transaction, List<ReturnChild> children, CancellationToken cancellationToken)
    {
        if (children.Count == 0)
        {
            return children;
        }
        var referredAt = children.Select(c => c.ReferredAt ?? throw new InvalidOperationException("A referral without its time.")).ToArray();
        await using var command = new NpgsqlCommand("""
            SELECT r.n, (SELECT count(DISTINCT s.contact_id) FROM contact_subjects s JOIN contacts c ON c.id = s.contact_id
                         WHERE s.subject_ref = r.subject_ref AND s.received_at < r.until
                           AND c.referred_at >= r.since AND c.referred_at < r.until AND c.id <> r.contact_id)::int
            FROM unnest($1::int[], $2::bytea[], $3::timestamptz[], $4::timestamptz[], $5::uuid[]) AS r(n, subject_ref, since, until, contact_id)
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = Enumerable.Range(0, children.Count).ToArray() });
        command.Parameters.Add(new() { Value = children.Select(c => StoredSubjectRef.Of(c.ChildId)).ToArray() });
        command.Parameters.Add(new() { Value = referredAt.Select(repeats.Window.StartFor).ToArray() });
        command.Parameters.Add(new() { Value = referredAt });
        command.Parameters.Add(new() { Value = children.Select(c => c.ContactId).ToArray() });
        var counts = new int[children.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetInt32(0)] = reader.GetInt32(1);
        }
        return [.. children.Select((child, i) => child with { EarlierReferrals = counts[i] })];
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
