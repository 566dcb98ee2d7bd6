using Npgsql;

namespace Mash.Outcomes.Postgres;

internal static class TransactionExtensions
{
    /// <summary>Runs one parameterised statement ($1, $2, … in order of <paramref name="values"/>) inside the transaction.</summary>
    public static async Task ExecuteAsync(this NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
