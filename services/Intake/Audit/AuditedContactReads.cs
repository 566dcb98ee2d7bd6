using Mash.Intake.Contacts;
using Npgsql;

namespace Mash.Intake.Audit;

/// <summary>
/// Reads of contacts (personal data) for a caller, each recorded in <c>audit_log</c> in the same
/// transaction as the read: a contact is returned only once its read is committed, and a read of
/// another agency's contact is recorded as denied. An unknown id reads nothing and records nothing.
/// </summary>
public sealed class AuditedContactReads(NpgsqlDataSource dataSource, ContactStore contacts, AuditLog audit)
{
    public async Task<ContactLookup> GetAsync(Guid contactId, CallerAgency caller, string action, CancellationToken cancellationToken)
    {
        var organisationId = caller.OrganisationId
            ?? throw new InvalidOperationException("An audited read needs a caller identified by its organisation.");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var lookup = await contacts.FindAsync(transaction, contactId, caller, cancellationToken);
        if (lookup.Contact is null && !lookup.Denied)
        {
            return lookup;
        }
        await audit.RecordAsync(transaction, organisationId, action, contactId, lookup.Denied ? AuditOutcome.Denied : AuditOutcome.Allowed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return lookup;
    }
}
