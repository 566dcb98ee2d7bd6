using Npgsql;

namespace Mash.Testing.Servers;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it, as a consumer would: again after
    /// a deadlock, as a consumer's retry would (concurrent batches may cross on rollup rows).
    /// </summary>
    public static async Task InTransactionAsync(this NpgsqlDataSource dataSource, Func<NpgsqlTransaction, Task> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await work(transaction);
                await transaction.CommitAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < MostAttempts)
            {
            }
        }
    }

    private const int MostAttempts = 10;

    public static async Task<T> InTransactionAsync<T>(this NpgsqlDataSource dataSource, Func<NpgsqlTransaction, Task<T>> work)
    {
        var result = default(T)!;
        await dataSource.InTransactionAsync(async transaction => { result = await work(transaction); });
        return result;
    }
}
