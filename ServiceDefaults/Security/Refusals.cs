using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Mash.ServiceDefaults;

/// <summary>
/// Calls refused to the caller, on record in the service's audit log (<see cref="AuditLog"/>): who,
/// the RPC and the record it asked about, when, <c>denied</c>. Both kinds of refusal come here: for
/// the caller's role (<see cref="DenialAudit"/>, before the handler runs) and for what the call asks
/// (<see cref="RefuseAsync"/>: an agency submitting as another, answering another's request, a time
/// only an importer may give). A refusal stands whether or not its record could be written (a failed
/// write is logged).
/// </summary>
public sealed partial class Refusals(AuditLog audit, ILogger<Refusals> logger)
{
    /// <summary>
    /// PERMISSION_DENIED for what this call asks, once recorded as denied against <paramref name="recordId"/>
    /// (null when it names none): <c>throw await refusals.RefuseAsync(...)</c>, having changed nothing.
    /// </summary>
    public async Task<RpcException> RefuseAsync(ServerCallContext context, string? recordId, string reason)
    {
        var caller = context.GetCaller();
        Refused(logger, context.Method, caller.Id, reason);
        await RecordAsync(audit, logger, caller, context.Method, recordId, context.CancellationToken);
        return RpcErrors.PermissionDenied(reason);
    }

    /// <summary>Records a refused call as denied; a write that fails is logged, not thrown (unless the call itself was cancelled).</summary>
    internal static async Task RecordAsync(AuditLog audit, ILogger logger, Caller caller, string method, string? recordId, CancellationToken cancellationToken)
    {
        try
        {
            await audit.RecordAsync(caller, method, recordId, AuditOutcome.Denied, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            NotRecorded(logger, ex, method, caller.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} to {CallerId}: {Reason}")]
    private static partial void Refused(ILogger logger, string method, string callerId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused {Method} to {CallerId}, but the refusal could not be written to the audit log.")]
    private static partial void NotRecorded(ILogger logger, Exception exception, string method, string callerId);
}
