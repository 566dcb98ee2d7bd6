using Npgsql;
using NpgsqlTypes;

namespace Mash.Timeliness.Facts;

/// <summary>Information requests in Timeliness's own database, as their events arrive, in any order.</summary>
internal static class InformationRequestStore
{
    /// <summary>
    /// Records a batch of facts in one statement. Each column keeps the first value it was given, so
    /// an answer that arrives before its request, or a request after its answer, completes the row
    /// rather than replacing it.
    /// </summary>
    public static async Task RecordAsync(NpgsqlTransaction transaction, IReadOnlyList<InformationRequestFact> facts, CancellationToken cancellationToken)
    {
        // One row per request: ON CONFLICT DO UPDATE cannot touch a row twice in one statement.
        InformationRequestFact[] rows = [.. facts.DistinctBy(f => f.RequestId, StringComparer.Ordinal)];
        await using var command = new NpgsqlCommand("""
            INSERT INTO information_requests (request_id, contact_id, agency_id, requested_at, provided_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
            ORDER BY 1
            ON CONFLICT (request_id) DO UPDATE
            SET provided_at = coalesce(information_requests.provided_at, excluded.provided_at)
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = rows.Select(f => f.RequestId).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(f => f.ContactId).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(f => f.AgencyId).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(f => f.RequestedAt.UtcDateTime).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(f => f.ProvidedAt?.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
