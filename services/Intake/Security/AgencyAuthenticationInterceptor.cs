using Mash.ServiceDefaults;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Google.Rpc;

namespace Mash.Intake.Security;

/// <summary>
/// Every call presents its agency's token as <c>authorization: Bearer &lt;token&gt;</c> metadata. A
/// call without it, with another scheme or with a token no agency holds fails UNAUTHENTICATED
/// before its handler runs; otherwise the agency is left in the call's user state
/// (<see cref="AuthenticatedAgencyContext.GetAuthenticatedAgency"/>). Health and reflection stay
/// open: probes and generic tools call them without credentials, and they hold no personal data.
/// </summary>
public sealed class AgencyAuthenticationInterceptor(AgencyCredentials credentials) : Interceptor
{
    public const string AuthorizationHeader = "authorization";
    private const string BearerPrefix = "Bearer ";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        await continuation(requestStream, responseStream, context);
    }

    /// <summary>Methods anyone may call: grpc.health.v1 and server reflection (v1 and v1alpha).</summary>
    public static bool IsOpen(string method) =>
        method.StartsWith("/grpc.health.v1.Health/", StringComparison.Ordinal)
        || method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);

    private void Authenticate(ServerCallContext context)
    {
        if (IsOpen(context.Method))
        {
            return;
        }
        var token = BearerToken(context.RequestHeaders)
            ?? throw RpcErrors.Unauthenticated("Calls to Intake need the agency's credentials as 'authorization: Bearer <token>' metadata.");
        var agency = credentials.Authenticate(token)
            ?? throw RpcErrors.Unauthenticated("The bearer token is not one Intake knows.");
        context.SetAuthenticatedAgency(agency);
    }

    /// <summary>The token of the one <c>authorization</c> header, if it is <c>Bearer &lt;token&gt;</c> (the scheme in any case, RFC 7235).</summary>
    public static string? BearerToken(Metadata headers)
    {
        var values = headers.GetAll(AuthorizationHeader).ToList();
        if (values.Count != 1 || values[0].IsBinary)
        {
            return null;
        }
        var value = values[0].Value;
        if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = value[BearerPrefix.Length..].Trim();
        return token.Length > 0 && !token.Contains(' ', StringComparison.Ordinal) ? token : null;
    }
}
