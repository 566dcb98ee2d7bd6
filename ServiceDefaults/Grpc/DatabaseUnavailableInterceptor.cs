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
/// The failures are logged through <paramref name="throttle"/>: the first at once, then at most one
/// line per <see cref="UnavailableLogThrottle.Interval"/> counting the rest.
/// </summary>
public sealed partial class DatabaseUnavailableInterceptor(ILogger<DatabaseUnavailableInterceptor> logger, UnavailableLogThrottle throttle) : Interceptor
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
        // A warning, not an error: the service is fine and the client was told to retry. One line,
        // without the stack, for the first failure, then one summary per interval: an outage under
        // load fails hundreds of calls a second, and a line each would bury everything else.
        if (throttle.TryTakeLine(out var failures, out var since))
        {
            var reason = exception.GetBaseException().Message;
            if (failures == 1)
            {
                LogUnavailable(logger, context.Method, reason);
            }
            else
            {
                LogUnavailableSummary(logger, failures, (int)since.TotalSeconds, context.Method, reason);
            }
        }
        return new RpcException(new Status(StatusCode.Unavailable, Detail, exception));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed because the database is unavailable ({Reason}); the caller was answered UNAVAILABLE.")]
    private static partial void LogUnavailable(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} more calls answered UNAVAILABLE because the database is unavailable in the last {Seconds} s (last: {Method}, {Reason}).")]
    private static partial void LogUnavailableSummary(ILogger logger, int count, int seconds, string method, string reason);
}
