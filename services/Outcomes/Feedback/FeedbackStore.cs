using Mash.Outcomes.Postgres;
using Npgsql;

namespace Mash.Outcomes.Feedback;

/// <summary>The feedback table: each agency told a contact's outcome, the first time.</summary>
internal sealed class FeedbackStore
{
    /// <summary>When each of those contacts' outcome was first recorded (its correction does not restart the clock to tell).</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> OutcomeAtAsync(NpgsqlTransaction transaction, IReadOnlyCollection<string> contactIds, CancellationToken cancellationToken) =>
        (await transaction.ReadAsync(
            "SELECT contact_id, occurred_at FROM outcome_revisions WHERE contact_id = ANY($1) AND revision = 1",
            row => (ContactId: row.GetString(0), At: row.GetFieldValue<DateTimeOffset>(1)), cancellationToken, TransactionExtensions.Texts(contactIds)))
        .ToDictionary(o => o.ContactId, o => o.At, StringComparer.Ordinal);

    /// <summary>The agencies told so far each of those contacts' outcome, and when.</summary>
    public async Task<ILookup<string, (string AgencyId, DateTimeOffset ToldAt)>> ToldAsync(NpgsqlTransaction transaction, IReadOnlyCollection<string> contactIds, CancellationToken cancellationToken) =>
        (await transaction.ReadAsync(
            "SELECT contact_id, agency_id, occurred_at FROM feedback WHERE contact_id = ANY($1)",
            row => (ContactId: row.GetString(0), Told: (row.GetString(1), row.GetFieldValue<DateTimeOffset>(2))), cancellationToken, TransactionExtensions.Texts(contactIds)))
        .ToLookup(t => t.ContactId, t => t.Told, StringComparer.Ordinal);

    /// <summary>Tellings, for the caller's batch: one statement however many.</summary>
    public static NpgsqlBatchCommand AddCommand(IReadOnlyList<TellingToRecord> tellings) =>
        TransactionExtensions.Command("""
            INSERT INTO feedback (contact_id, agency_id, to_referrer, given_by, occurred_at, recorded_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::timestamptz[], $6::timestamptz[])
            """,
            tellings.Select(t => t.ContactId).ToArray(), tellings.Select(t => t.AgencyId).ToArray(), tellings.Select(t => t.ToReferrer).ToArray(),
            tellings.Select(t => t.GivenBy).ToArray(),
            TransactionExtensions.Instants(tellings.Select(t => t.ToldAt.UtcDateTime)), TransactionExtensions.Instants(tellings.Select(t => t.RecordedAt.UtcDateTime)));
}
