using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.ServiceDefaults;

/// <summary>
/// Records every call refused for its role (403, PERMISSION_DENIED) in the service's audit log, when
/// it keeps one (<see cref="AuditExtensions.AddAuditLog"/>), as <see cref="Refusals"/> records any refusal:
/// who, which RPC, when, denied. Calls without valid credentials (401) name nobody, so they are only logged.
/// A refused gRPC call is answered with its gRPC status and what would pass (<see cref="GrpcRefusal"/>).
/// </summary>
internal sealed partial class DenialAudit(IServiceProvider services, ILogger<DenialAudit> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && Caller.Of(context.User) is { } caller)
        {
            Denied(logger, context.Request.Path, caller.Id);
            if (services.GetService<AuditLog>() is { } audit)
            {
                await Refusals.RecordAsync(audit, logger, caller, context.Request.Path, recordId: null, context.RequestAborted);
            }
        }
        else if (authorizeResult.Challenged)
        {
            Unauthenticated(logger, context.Request.Path);
        }
        if (GrpcRefusal.IsGrpc(context) && authorizeResult.Forbidden)
        {
            await GrpcRefusal.PermissionDeniedAsync(context, policy);
        }
        else if (GrpcRefusal.IsGrpc(context) && authorizeResult.Challenged)
        {
            await GrpcRefusal.UnauthenticatedAsync(context);
        }
        else
        {
            await standard.HandleAsync(next, context, policy, authorizeResult);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} to {CallerId}: outside the caller's roles.")]
    private static partial void Denied(ILogger logger, string method, string callerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused {Method}: no valid credentials.")]
    private static partial void Unauthenticated(ILogger logger, string method);
}
