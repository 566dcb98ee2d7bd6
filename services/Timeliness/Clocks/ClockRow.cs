using Npgsql;

namespace Mash.Timeliness.Clocks;

/// <summary>A ClockRecord from a row of <see cref="ClockStore"/>'s clock query.</summary>
internal static class ClockRow
{
    public static ClockRecord Read(NpgsqlDataReader row) => new(
        row.GetString(0),
        Instant(row, 1),
        RagColumn.FromColumn(row.GetValue(2)),
        Instant(row, 3),
        Instant(row, 4),
        Instant(row, 5),
        row.IsDBNull(6) ? null : row.GetBoolean(6),
        row.IsDBNull(7) ? null : row.GetString(7),
        Instant(row, 8));

    private static DateTimeOffset? Instant(NpgsqlDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetFieldValue<DateTimeOffset>(ordinal);
}
