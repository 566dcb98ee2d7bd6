using Npgsql;

namespace Mash.Outcomes.Counting;

/// <summary>
/// The outcomes measures by agency for [from, to): contacts count in the period their outcome was
/// first recorded, with the outcome in force now (a correction recounts, never moves, a contact);
/// consultations count when they were given.
/// </summary>
internal sealed class OutcomeCounter(NpgsqlDataSource dataSource)
{
    private const string InPeriod = """
        WITH counted AS (
            SELECT o.contact_id, o.outcome, j.agency_id FROM outcomes o
            JOIN outcome_revisions f ON f.contact_id = o.contact_id AND f.revision = 1
            JOIN journeys j ON j.contact_id = o.contact_id
            WHERE f.occurred_at >= $1 AND f.occurred_at < $2
        )
        """;

    public async Task<IReadOnlyList<AgencyOutcomeTally>> CountAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> inappropriateCodes, CancellationToken cancellationToken)
    {
        var outcomes = await CountAsync($"{InPeriod} SELECT agency_id, outcome, count(*) FROM counted GROUP BY 1, 2", from, to, cancellationToken);
        var gaps = await CountAsync($"{InPeriod} SELECT c.agency_id, g.gap, count(*) FROM counted c JOIN outcome_gaps g USING (contact_id) GROUP BY 1, 2", from, to, cancellationToken);
        var contributed = await CountAsync($"{InPeriod} SELECT k.agency_id, '', count(*) FROM counted c JOIN contributions k USING (contact_id) GROUP BY 1", from, to, cancellationToken);
        var received = await CountAsync($"{InPeriod} SELECT r.agency_id, '', count(*) FROM counted c JOIN onward_referrals r USING (contact_id) GROUP BY 1", from, to, cancellationToken);
        var consultations = await CountAsync("SELECT agency_id, kind, count(*) FROM consultations WHERE occurred_at >= $1 AND occurred_at < $2 GROUP BY 1, 2", from, to, cancellationToken);

        var agencies = outcomes.Concat(gaps).Concat(contributed).Concat(received).Concat(consultations)
            .Select(c => c.AgencyId).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. agencies.Select(agency =>
        {
            var byOutcome = For(outcomes, agency);
            return new AgencyOutcomeTally(
                agency, byOutcome, byOutcome.Where(o => inappropriateCodes.Contains(o.Key)).Sum(o => o.Value), For(gaps, agency),
                For(contributed, agency).Values.Sum(), For(received, agency).Values.Sum(), For(consultations, agency));
        })];
    }

    private static Dictionary<string, long> For(IEnumerable<(string AgencyId, string Key, long Count)> counts, string agency) =>
        counts.Where(c => c.AgencyId == agency).ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);

    private async Task<List<(string AgencyId, string Key, long Count)>> CountAsync(string sql, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = from.UtcDateTime });
        command.Parameters.Add(new() { Value = to.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<(string, string, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add((reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return counts;
    }
}
