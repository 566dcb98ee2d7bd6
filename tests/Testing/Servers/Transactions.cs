using Npgsql;

namespace Mash.Testing.Servers;

public static class Transactions
{
    /// <summary>Runs <paramref name="work"/> in a transaction and commits it, as a consumer would.</summary>
    public static async Task InTransactionAsync(this NpgsqlDataSource dataSource, Func<NpgsqlTransaction, Task> work)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await work(transaction);
        await transaction.CommitAsync();
    }

    public static async Task<T> InTransactionAsync<T>(this NpgsqlDataSource dataSource, Func<NpgsqlTransaction, Task<T>> work)
    {
        var result = default(T)!;
        await dataSource.InTransactionAsync(async transaction => { result = await work(transaction); });
        return result;
    }
}
