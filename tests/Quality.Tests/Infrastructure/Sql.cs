using Npgsql;

namespace Mash.Quality.Tests.Infrastructure;

internal static class Sql
{
    /// <summary>Runs <paramref name="work"/> in a transaction and commits it, as a consumer would.</summary>
    public static async Task InTransactionAsync(this NpgsqlDataSource dataSource, Func<NpgsqlTransaction, Task> work)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await work(transaction);
        await transaction.CommitAsync();
    }
}
