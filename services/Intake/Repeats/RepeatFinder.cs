using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.Intake.Repeats;

/// <summary>
/// Finds the earlier contacts a new contact repeats: those sharing any of its subject references
/// (the same NHS number, or else the same normalised name, date of birth and postcode: see
/// <see cref="Subjects.SubjectIdentity"/>) and received within the window before it, most recent
/// first, at most the limit.
/// </summary>
/// <remarks>
/// It runs in the submitting transaction, under READ COMMITTED, so it sees the contacts committed
/// before it starts. Two contacts about the same subject submitted at the same moment may therefore
/// miss each other: each is stored and acknowledged, and each lists what was committed before it,
/// with or without the other. No lock is taken, so submissions about one subject never queue.
/// </remarks>
public sealed class RepeatFinder(RepeatWindow window, int limit)
{
    public RepeatFinder(IOptions<RepeatOptions> options) : this(options.Value.Window, options.Value.RepeatLimit)
    {
    }

    public RepeatWindow Window => window;

    public int Limit => limit;

    public async Task<RepeatedContacts> FindAsync(
        NpgsqlTransaction transaction, Guid contactId, IReadOnlyList<string> subjectRefs, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (subjectRefs.Count == 0)
        {
            return RepeatedContacts.None;
        }
        // subject_refs && … uses the GIN index; ties in time fall to the id, so the order is total.
        await using var command = new NpgsqlCommand("""
            SELECT id FROM contacts
            WHERE subject_refs && $1 AND received_at >= $2 AND received_at <= $3 AND id <> $4
            ORDER BY received_at DESC, id DESC
            LIMIT $5
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = subjectRefs.ToArray() });
        command.Parameters.Add(new() { Value = window.StartFor(receivedAt) });
        command.Parameters.Add(new() { Value = receivedAt });
        command.Parameters.Add(new() { Value = contactId });
        command.Parameters.Add(new() { Value = limit });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids.Count == 0 ? RepeatedContacts.None : new RepeatedContacts(ids);
    }
}
