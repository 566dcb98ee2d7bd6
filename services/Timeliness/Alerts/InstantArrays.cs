using Npgsql;
using NpgsqlTypes;

namespace Mash.Timeliness.Alerts;

/// <summary>An array parameter of instants for unnest: timestamptz takes UTC only.</summary>
internal static class InstantArrays
{
    public static NpgsqlParameter Of(IEnumerable<DateTimeOffset> instants) =>
        new() { Value = instants.Select(at => at.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };
}
