using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>
/// Which exceptions mean "the database cannot be reached right now" (a client should retry, perhaps
/// elsewhere) rather than "this request went wrong": what <see cref="DatabaseUnavailableInterceptor"/>
/// turns into UNAVAILABLE.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>
    /// True for a transient <see cref="NpgsqlException"/> (connection refused or reset, a read that
    /// timed out, an exhausted pool, the server out of connections) and for the server's own
    /// "I am going away" errors: SQLSTATE class 08 (connection exception), 57P01 admin_shutdown,
    /// 57P02 crash_shutdown and 57P03 cannot_connect_now. Looks through wrappers (an
    /// <see cref="AggregateException"/>, an exception re-thrown around the Npgsql one, as a write
    /// path that commits several callers' work at once may do), but never through a cancellation:
    /// a caller that went away or ran out of time keeps its own status.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        PostgresException postgres => postgres.IsTransient || IsGoingAway(postgres.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient || (npgsql.InnerException is { } inner && IsUnavailable(inner)),
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };

    // Npgsql's IsTransient leaves some of these out (the server shutting down is as temporary, to a
    // client, as the server being unreachable).
    private static bool IsGoingAway(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
}
