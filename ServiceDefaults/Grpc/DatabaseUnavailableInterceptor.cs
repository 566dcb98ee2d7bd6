using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Mash.ServiceDefaults;

/// <summary>
/// Ends a call whose handler failed because PostgreSQL is unreachable (<see cref="DatabaseFailures.IsUnavailable"/>)
/// with UNAVAILABLE, the status gRPC clients and load balancers treat as "retry, perhaps elsewhere",
/// instead of the UNKNOWN any unhandled exception gets. Nothing the handler did is acknowledged:
/// the status says only that the call did not succeed, so a client retries it (idempotently, by
/// its request id). Every other exception, and every status a handler chose, passes through as it was.
/// </summary>
public sealed partial class DatabaseUnavailableInterceptor(ILogger<DatabaseUnavailableInterceptor> logger) : Interceptor
{
    /// <summary>The status detail clients see; the exception itself stays in the service's log.</summary>
    public const string Detail = "The database is unavailable; retry";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw Unavailable(context, ex);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw Unavailable(context, ex);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw Unavailable(context, ex);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw Unavailable(context, ex);
        }
    }

    private RpcException Unavailable(ServerCallContext context, Exception exception)
    {
        // A warning, not an error: the service is fine and the client was told to retry; a run of
        // these is what an operator looks for when the database is down. One line each, without the
        // stack: an outage under load gives hundreds, and the reason is all they add.
        LogUnavailable(logger, context.Method, exception.GetBaseException().Message);
        return new RpcException(new Status(StatusCode.Unavailable, Detail, exception));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed because the database is unavailable ({Reason}); the caller was answered UNAVAILABLE.")]
    private static partial void LogUnavailable(ILogger logger, string method, string reason);
}
