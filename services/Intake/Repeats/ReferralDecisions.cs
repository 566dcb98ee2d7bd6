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
    /// <summary>Records the decision unless a later one is recorded already; an unknown contact (or a malformed id) changes nothing.</summary>
    public static async Task RecordAsync(NpgsqlTransaction transaction, string contactId, bool thresholdMet, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(contactId, out var id))
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            UPDATE contacts SET decided_at = $2, referred_at = CASE WHEN $3 THEN $2 END
            WHERE id = $1 AND (decided_at IS NULL OR decided_at <= $2)
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = decidedAt });
        command.Parameters.Add(new() { Value = thresholdMet });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
