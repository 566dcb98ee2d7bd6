using Npgsql;

namespace Mash.Timeliness.Alerts;

/// <summary>The commands keeping changed clocks' deadlines, and the earliest moment they write (null: none).</summary>
internal sealed record AlertWrites(IReadOnlyList<NpgsqlBatchCommand> Commands, DateTimeOffset? Earliest);
