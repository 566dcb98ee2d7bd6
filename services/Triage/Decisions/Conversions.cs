using Mash.Triage.Reporting;
using Npgsql;

namespace Mash.Triage.Decisions;

/// <summary>
/// D2: contacts decided in a window and how many of them became referrals (threshold met), by the
/// decision's period and the contact's referring agency.
/// </summary>
internal sealed class Conversions(NpgsqlDataSource database)
{
    public Task<IReadOnlyList<PeriodCount<Conversion>>> CountAsync(CountWindow window, CancellationToken cancellationToken) =>
        Counting.CountAsync(database, $"""
            SELECT {Counting.PeriodOf("d.decided_at")}, q.agency_id, count(*) FILTER (WHERE d.threshold_met), count(*)
            FROM threshold_decisions d JOIN queue_items q ON q.contact_id = d.contact_id
            WHERE d.decided_at >= $1 AND d.decided_at < $2
            GROUP BY 1, 2 ORDER BY 1, 2
            """, window, row => new Conversion(row.GetString(1), row.GetInt64(2)), cancellationToken);
}

/// <summary>An agency's referrals among its decided contacts (the count); their ratio is the conversion rate.</summary>
internal sealed record Conversion(string AgencyId, long Referrals)
{
    public static double Rate(long referrals, long decided) => decided == 0 ? 0 : (double)referrals / decided;
}
