using Npgsql;

namespace Mash.Quality.Registers;

/// <summary>The registers' commands: positional parameters, a null as SQL NULL.</summary>
internal static class RegisterSql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return command;
    }

    /// <summary>
    /// Runs an INSERT … ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id RETURNING id:
    /// the id of the row that holds the request id, this one or the one a first call stored.
    /// </summary>
    public static async Task<Guid> InsertOnceAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object?[] values, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, values);
        return (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
