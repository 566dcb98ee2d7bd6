using Mash.Outcomes.Postgres;
using Npgsql;

namespace Mash.Outcomes.Feedback;

/// <summary>The feedback table: each agency told a contact's outcome, the first time.</summary>
internal sealed class FeedbackStore
{
    /// <summary>When the contact's outcome was first recorded (its correction does not restart the clock to tell).</summary>
    public async Task<DateTimeOffset> OutcomeAtAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT occurred_at FROM outcome_revisions WHERE contact_id = $1 AND revision = 1", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        // Npgsql reads a scalar timestamptz as a UTC DateTime.
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    /// <summary>The agencies told so far, and when.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ToldAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT agency_id, occurred_at FROM feedback WHERE contact_id = $1", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var told = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            told[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }
        return told;
    }

    public Task AddAsync(NpgsqlTransaction transaction, string contactId, string agencyId, bool toReferrer, string givenBy, DateTimeOffset toldAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("""
            INSERT INTO feedback (contact_id, agency_id, to_referrer, given_by, occurred_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
            """, cancellationToken, contactId, agencyId, toReferrer, givenBy, toldAt.UtcDateTime, now.UtcDateTime);
}
