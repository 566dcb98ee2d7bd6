using Npgsql;

namespace Mash.Outcomes.Feedback;

/// <summary>
/// O4 by agency for the outcomes first recorded in [from, to): each (contact, agency owed) once —
/// the referrer and every contributor — and whether and how soon it was told.
/// </summary>
internal sealed class FeedbackCounter(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<FeedbackTally>> CountAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH first AS (
                SELECT contact_id, occurred_at FROM outcome_revisions WHERE revision = 1 AND occurred_at >= $1 AND occurred_at < $2
            ), owed AS (
                SELECT f.contact_id, j.agency_id, f.occurred_at AS outcome_at FROM first f JOIN journeys j USING (contact_id)
                UNION
                SELECT f.contact_id, c.agency_id, f.occurred_at FROM first f JOIN contributions c USING (contact_id)
            )
            SELECT o.agency_id, count(*), count(fb.contact_id),
                   coalesce(sum(extract(epoch FROM fb.occurred_at - o.outcome_at)), 0)::float8,
                   coalesce(max(extract(epoch FROM fb.occurred_at - o.outcome_at)), 0)::float8
            FROM owed o LEFT JOIN feedback fb ON fb.contact_id = o.contact_id AND fb.agency_id = o.agency_id
            WHERE o.agency_id <> ''
            GROUP BY o.agency_id ORDER BY o.agency_id
            """);
        command.Parameters.Add(new() { Value = from.UtcDateTime });
        command.Parameters.Add(new() { Value = to.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tallies = new List<FeedbackTally>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tallies.Add(new FeedbackTally(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetDouble(4)));
        }
        return tallies;
    }
}
