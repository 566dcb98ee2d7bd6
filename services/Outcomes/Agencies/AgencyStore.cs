using Mash.Outcomes.Postgres;
using Npgsql;

namespace Mash.Outcomes.Agencies;

/// <summary>O2: which agencies contributed information to a contact (contributions) and which received its outcome (onward_referrals).</summary>
internal sealed class AgencyStore
{
    /// <summary>Each agency once per contact, at its earliest answer, whatever order or how often the answers arrive.</summary>
    public Task RecordContributionsAsync(NpgsqlTransaction transaction, IEnumerable<Contribution> contributions, CancellationToken cancellationToken)
    {
        // One row per (contact, agency) in a statement, in key order so concurrent batches lock alike.
        List<Contribution> rows = [.. contributions
            .GroupBy(c => (c.ContactId, c.AgencyId))
            .Select(g => g.MinBy(c => c.OccurredAt)!)
            .OrderBy(c => c.ContactId, StringComparer.Ordinal).ThenBy(c => c.AgencyId, StringComparer.Ordinal)];
        return transaction.ExecuteAsync("""
            INSERT INTO contributions (contact_id, agency_id, contributed_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
            ON CONFLICT (contact_id, agency_id) DO UPDATE SET contributed_at = LEAST(contributions.contributed_at, EXCLUDED.contributed_at)
            """, cancellationToken,
            rows.Select(c => c.ContactId).ToArray(), rows.Select(c => c.AgencyId).ToArray(), TransactionExtensions.Instants(rows.Select(c => c.OccurredAt)));
    }

    public async Task<IReadOnlyList<string>> ContributorsAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken) =>
        [.. (await ContributorsAsync(transaction, [contactId], cancellationToken))[contactId]];

    /// <summary>The agencies that contributed to each of those contacts, each contact's in agency order.</summary>
    public async Task<ILookup<string, string>> ContributorsAsync(NpgsqlTransaction transaction, IReadOnlyCollection<string> contactIds, CancellationToken cancellationToken) =>
        (await transaction.ReadAsync(
            "SELECT contact_id, agency_id FROM contributions WHERE contact_id = ANY($1) ORDER BY contact_id, agency_id",
            row => (ContactId: row.GetString(0), AgencyId: row.GetString(1)), cancellationToken, TransactionExtensions.Texts(contactIds)))
        .ToLookup(c => c.ContactId, c => c.AgencyId, StringComparer.Ordinal);

    /// <summary>The agencies each outcome is referred on to (O2), for the caller's batch: one statement however many outcomes.</summary>
    public static NpgsqlBatchCommand AddOnwardReferralsCommand(IReadOnlyList<(string ContactId, string AgencyId)> referrals) =>
        TransactionExtensions.Command("""
            INSERT INTO onward_referrals (contact_id, agency_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING
            """, referrals.Select(r => r.ContactId).ToArray(), referrals.Select(r => r.AgencyId).ToArray());

    /// <summary>The agencies a contact's outcome was referred on to, so a correction's feed item names them as the outcome did.</summary>
    public Task<IReadOnlyList<string>> OnwardAsync(NpgsqlTransaction transaction, string contactId, CancellationToken cancellationToken) =>
        transaction.ReadStringsAsync("SELECT agency_id FROM onward_referrals WHERE contact_id = $1 ORDER BY agency_id", cancellationToken, contactId);
}
