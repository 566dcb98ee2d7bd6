using Npgsql;

namespace Mash.Intake.Audit;

/// <summary>Whether an audited read was allowed (the data left Intake) or denied (nothing did).</summary>
public enum AuditOutcome
{
    Allowed,
    Denied,
}

/// <summary>One read of personal data: who (<paramref name="OrganisationId"/>), what (<paramref name="Action"/> on <paramref name="ContactId"/>), when, and the outcome.</summary>
public sealed record AuditEntry(Guid Id, DateTimeOffset OccurredAt, string OrganisationId, string Action, Guid ContactId, AuditOutcome Outcome);

/// <summary>The <c>audit_log</c> table. Writes take the read's transaction, so the record commits with the read or not at all.</summary>
public sealed class AuditLog(TimeProvider time)
{
    public async Task<AuditEntry> RecordAsync(NpgsqlTransaction transaction, string organisationId, string action, Guid contactId, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        var occurredAt = time.GetUtcNow();
        var entry = new AuditEntry(Guid.CreateVersion7(occurredAt), occurredAt, organisationId, action, contactId, outcome);
        await using var command = new NpgsqlCommand("""
            INSERT INTO audit_log (id, occurred_at, organisation_id, action, contact_id, outcome)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = entry.Id });
        command.Parameters.Add(new() { Value = entry.OccurredAt });
        command.Parameters.Add(new() { Value = entry.OrganisationId });
        command.Parameters.Add(new() { Value = entry.Action });
        command.Parameters.Add(new() { Value = entry.ContactId });
        command.Parameters.Add(new() { Value = OutcomeCode(entry.Outcome) });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return entry;
    }

    public static string OutcomeCode(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Allowed => "allowed",
        AuditOutcome.Denied => "denied",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
