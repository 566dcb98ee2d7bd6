using Mash.Contracts.Common.V1;
using Npgsql;

namespace Mash.Triage.Queue;

/// <summary>A QueueEntry from a row of <see cref="QueueStore"/>'s entry query (queue_items left-joined to threshold_decisions).</summary>
internal static class QueueEntryReader
{
    public static QueueEntry Read(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetFieldValue<string[]>(3),
        row.GetFieldValue<DateTimeOffset>(4),
        RagColumn.FromColumn(row.GetValue(5)),
        row.IsDBNull(6)
            ? null
            : new ThresholdDecision(row.GetBoolean(6), row.GetString(7), row.GetString(8), row.GetFieldValue<DateTimeOffset>(9), RagColumn.FromColumn(row.GetValue(15))),
        Enum.TryParse<Pathway>(row.GetString(10), out var pathway) ? pathway : Pathway.Unspecified,
        row.GetFieldValue<DateTimeOffset>(11),
        row.IsDBNull(12) ? null : new Claim(row.GetString(12), row.GetFieldValue<DateTimeOffset>(13)),
        row.IsDBNull(14) ? null : row.GetFieldValue<DateTimeOffset>(14));
}
