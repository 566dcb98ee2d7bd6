using Mash.Intake.Contacts;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Intake.Audit;

/// <summary>
/// Reads of contacts (personal data) for a caller, each recorded in <c>audit_log</c> in the same
/// transaction as the read: a contact is returned only once its read is committed, and a read of
/// another agency's contact is recorded as denied. An unknown id reads nothing and records nothing.
/// </summary>
public sealed class AuditedContactReads(NpgsqlDataSource dataSource, ContactStore contacts, AuditLog audit)
{
    /// <param name="caller">Who reads, from the credentials: the audit row's actor.</param>
    /// <param name="scope">Whose contacts the caller may see.</param>
    /// <param name="action">The gRPC method, as the audit row names it.</param>
    public async Task<ContactLookup> GetAsync(Guid contactId, Caller caller, CallerAgency scope, string action, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var lookup = await contacts.FindAsync(transaction, contactId, scope, cancellationToken);
        if (lookup.Contact is null && !lookup.Denied)
        {
            return lookup;
        }
        await audit.RecordAsync(transaction, caller, action, contactId.ToString(), lookup.Denied ? AuditOutcome.Denied : AuditOutcome.Allowed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return lookup;
    }
}
