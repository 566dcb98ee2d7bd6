using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>
/// Applies the registered migrations in the background, so the host starts (and answers
/// <c>/health</c> with "migrating") while the database is still coming up. Retries with backoff
/// while the database is unreachable; stops for good on a script error, which no retry can fix.
/// </summary>
internal sealed partial class MigrationRunner(
    NpgsqlDataSource dataSource,
    MigrationSet migrations,
    DatabaseMigrationStatus status,
    ILogger<MigrationRunner> logger) : BackgroundService
{
    // Session-level advisory lock held while migrating. Advisory locks are per database, so one
    // constant serves every service's own database. The bytes spell "MASHMIGR".
    private const long AdvisoryLockKey = 0x4D4153484D494752;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyAsync(stoppingToken).ConfigureAwait(false);
                status.Set(MigrationPhase.Completed, "up to date");
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                status.Set(MigrationPhase.Unreachable, "database unreachable");
                // The first failure and then one in ten, so a database that is down for long does not flood the log.
                if (attempt == 1 || attempt % 10 == 0)
                {
                    LogUnreachable(ex, attempt, delay);
                }
            }
            catch (MigrationFailedException ex)
            {
                status.Set(MigrationPhase.Failed, ex.Message);
                LogFailed(ex.InnerException!, ex.Message);
                return;
            }
            catch (Exception ex)
            {
                // Not the database being away, not a script: something no retry will mend either.
                // Left to escape, it would stop the host; unready says more to an operator.
                status.Set(MigrationPhase.Failed, "migrations failed");
                LogFailed(ex, "migrations failed");
                return;
            }

            try
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        status.Set(MigrationPhase.Migrating, "migrating");

        // Blocks while another replica holds it; that replica has applied everything when it lets go,
        // so this one then finds nothing pending.
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    bigint      PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken).ConfigureAwait(false);

            var applied = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);
            var pending = 0;
            foreach (var migration in migrations.Migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        LogChecksumMismatch(migration.Version, migration.Name);
                    }
                    continue;
                }
                await ApplyOneAsync(connection, migration, cancellationToken).ConfigureAwait(false);
                pending++;
            }
            LogUpToDate(pending, migrations.Migrations.Count);
        }
        finally
        {
            // On a broken connection the lock went with the session; unlocking is then moot.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        LogApplying(migration.Version, migration.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction) { CommandTimeout = 0 })
            {
                await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (!ex.IsTransient)
        {
            throw new MigrationFailedException($"migration {migration.Version} ({migration.Name}) failed", ex);
        }
    }

    private static async Task<Dictionary<long, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<long, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt64(0)] = reader.GetString(1);
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // No timeout: waiting for another replica's lock may rightly take as long as its migrations.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Worth retrying: the server is not up (yet), restarting, or the database is still being created.
    private static bool IsTransient(Exception ex) => ex switch
    {
        MigrationFailedException => false,
        PostgresException pg => pg.IsTransient || pg.SqlState == PostgresErrorCodes.InvalidCatalogName,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unreachable for schema migrations (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogUnreachable(Exception ex, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Schema {Failure}; the service stays unready")]
    private partial void LogFailed(Exception ex, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying schema migration {Version} ({Name})")]
    private partial void LogApplying(long version, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema up to date: applied {Applied} of {Total} migrations now")]
    private partial void LogUpToDate(int applied, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schema migration {Version} ({Name}) was edited after it was applied; the edit is not applied (add a new migration instead)")]
    private partial void LogChecksumMismatch(long version, string name);
}

/// <summary>A migration script failed with an error no retry can fix.</summary>
internal sealed class MigrationFailedException(string message, Exception inner) : Exception(message, inner);
