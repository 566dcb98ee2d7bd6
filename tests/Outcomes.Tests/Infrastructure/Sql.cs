using Npgsql;

namespace Mash.Outcomes.Tests.Infrastructure;

internal static class Sql
{
    public static async Task<long> CountAsync(this NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
