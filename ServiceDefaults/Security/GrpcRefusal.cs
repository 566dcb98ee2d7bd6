using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Mash.ServiceDefaults;

/// <summary>
/// A refused gRPC call answered as gRPC answers (a trailers-only response with grpc-status and a
/// message saying what would pass) rather than as bare HTTP 401/403, which clients report only as
/// "Bad gRPC response. HTTP status code: 403".
/// </summary>
internal static class GrpcRefusal
{
    public static bool IsGrpc(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task UnauthenticatedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        // Why a token was refused (expired, another audience, a bad signature) is logged, not told.
        return WriteAsync(context, StatusCode.Unauthenticated, context.Request.Headers.Authorization.Count == 0
            ? "This call needs credentials: a staff bearer token or an agency's token."
            : "The credentials given were not accepted: an expired token, one for another audience or issuer, or an unknown agency token.");
    }

    public static Task PermissionDeniedAsync(HttpContext context, AuthorizationPolicy policy)
    {
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        var needs = roles.Count > 0 ? $"one of the roles {string.Join(", ", roles)}" : "a permission the caller lacks";
        return WriteAsync(context, StatusCode.PermissionDenied, $"{context.Request.Path} needs {needs}.");
    }

    private static Task WriteAsync(HttpContext context, StatusCode status, string message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = PercentEncoded(message);
        return Task.CompletedTask;
    }

    // As the gRPC spec asks: only '%' and bytes outside printable ASCII (grpc-js decodes with
    // decodeURI, which would leave an escaped ':' or ',' escaped).
    private static string PercentEncoded(string message) =>
        string.Concat(System.Text.Encoding.UTF8.GetBytes(message).Select(b => b is < 0x20 or > 0x7E or (byte)'%' ? $"%{b:X2}" : ((char)b).ToString()));
}
