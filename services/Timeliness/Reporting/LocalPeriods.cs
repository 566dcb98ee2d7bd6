using Npgsql;
using NpgsqlTypes;

namespace Mash.Timeliness.Reporting;

/// <summary>
/// The reports' shared SQL for counting by period in the partnership's local calendar: every such
/// command takes $1 from, $2 to, $3 the period (date_trunc's field) and $4 the time zone, so a
/// quarter or a day is the partnership's, not UTC's.
/// </summary>
internal static class LocalPeriods
{
    /// <summary>The start of the local period <paramref name="column"/> falls in.</summary>
    public static string StartOf(string column) => $"date_trunc($3, {column} AT TIME ZONE $4) AT TIME ZONE $4";

    /// <summary>A command over [from, to) by period in <paramref name="timeZone"/>, its first four parameters added.</summary>
    public static NpgsqlCommand Command(NpgsqlDataSource database, string sql, DateTimeOffset from, DateTimeOffset to, string period, string timeZone)
    {
        var command = database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = from.UtcDateTime });
        command.Parameters.Add(new() { Value = to.UtcDateTime });
        command.Parameters.Add(new() { Value = period });
        command.Parameters.Add(new() { Value = timeZone });
        return command;
    }

    /// <summary>A text parameter that is NULL when there is no filter: SQL reads it as <c>($n::text IS NULL OR column = $n)</c>.</summary>
    public static NpgsqlParameter Filter(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
