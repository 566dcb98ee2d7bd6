using Npgsql;

namespace Mash.Intake.Repeats;

/// <summary>
/// Which contacts became referrals: Triage's threshold decision, kept on the contact's row so that
/// <see cref="RepeatFinder"/> can tell later contacts about the same subjects which earlier ones were
/// referred (O3). Triage records one decision per contact; should another ever come, the latest by
/// occurred_at stands, so a late or replayed event never overrides a newer decision.
/// </summary>
public static class ReferralDecisions
{
    /// <summary>
    /// Records a batch's decisions in one statement, each unless a later one is recorded already; an
    /// unknown contact (or a malformed id) changes nothing. The caller has locked the rows in id order
    /// (the DECIDED step does), so this statement takes no lock in another order.
    /// </summary>
    public static async Task RecordAsync(NpgsqlTransaction transaction, IReadOnlyList<ReferralDecision> decisions, CancellationToken cancellationToken)
    {
        var latest = ReferralDecision.Latest(decisions).ToArray();
        if (latest.Length == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            UPDATE contacts c SET decided_at = d.decided_at, referred_at = CASE WHEN d.threshold_met THEN d.decided_at END
            FROM unnest($1::uuid[], $2::timestamptz[], $3::boolean[]) AS d(id, decided_at, threshold_met)
            WHERE c.id = d.id AND (c.decided_at IS NULL OR c.decided_at <= d.decided_at)
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = latest.Select(d => d.Key).ToArray() });
        command.Parameters.Add(new() { Value = latest.Select(d => d.Value.DecidedAt).ToArray() });
        command.Parameters.Add(new() { Value = latest.Select(d => d.Value.ThresholdMet).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
