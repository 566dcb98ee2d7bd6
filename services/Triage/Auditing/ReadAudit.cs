using Grpc.Core;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Triage.Auditing;

/// <summary>
/// Records in Triage's audit_log each read of personal data (queue items with their presenting
/// issues, a contact's content, ratings' reasons, information asked and given, escalations): who
/// (from the credentials), what (the gRPC method and each record), when, allowed or denied. The rows
/// commit before the reply leaves, so nothing is read without its record.
/// </summary>
internal sealed class ReadAudit(NpgsqlDataSource database, AuditLog audit)
{
    public async Task RecordAsync(ServerCallContext context, IReadOnlyList<string> recordIds, AuditOutcome outcome)
    {
        if (recordIds.Count == 0)
        {
            return;   // nothing was read
        }
        await using var connection = await database.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        await audit.RecordAsync(transaction, context.GetCaller(), context.Method, [.. recordIds], outcome, context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    public Task RecordAsync(ServerCallContext context, string recordId, AuditOutcome outcome) => RecordAsync(context, [recordId], outcome);
}
