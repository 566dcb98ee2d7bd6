using Npgsql;
using NpgsqlTypes;

namespace TimelinessBenchmark;

/// <summary>
/// Open clocks written as the consumers write them (a clock and its alert deadline each), with
/// binary COPY: Red, received an hour before the window, each due at its own moment spread evenly
/// over the window and approaching a fixed lead before it, so both alerts of every clock fall in it.
/// </summary>
internal static class OpenClocks
{
    public static async Task SeedAsync(NpgsqlDataSource database, int count, DateTimeOffset windowStart, TimeSpan window, TimeSpan approachLead)
    {
        var startedAt = windowStart.AddHours(-1).UtcDateTime;
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var clocks = await connection.BeginBinaryImportAsync("COPY clocks (contact_id, started_at, rag, rated_at, due_at, agency_id) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                await clocks.StartRowAsync();
                await clocks.WriteAsync(ContactId(i), NpgsqlDbType.Text);
                await clocks.WriteAsync(startedAt, NpgsqlDbType.TimestampTz);
                await clocks.WriteAsync("Red", NpgsqlDbType.Text);
                await clocks.WriteAsync(startedAt, NpgsqlDbType.TimestampTz);
                await clocks.WriteAsync(DueAt(i, count, windowStart, window, approachLead).UtcDateTime, NpgsqlDbType.TimestampTz);
                await clocks.WriteAsync(AgencyId(i), NpgsqlDbType.Text);
            }
            await clocks.CompleteAsync();
        }
        await using (var deadlines = await connection.BeginBinaryImportAsync("COPY alert_deadlines (contact_id, rag, agency_id, started_at, approaching_at, due_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var due = DueAt(i, count, windowStart, window, approachLead);
                await deadlines.StartRowAsync();
                await deadlines.WriteAsync(ContactId(i), NpgsqlDbType.Text);
                await deadlines.WriteAsync("Red", NpgsqlDbType.Text);
                await deadlines.WriteAsync(AgencyId(i), NpgsqlDbType.Text);
                await deadlines.WriteAsync(startedAt, NpgsqlDbType.TimestampTz);
                await deadlines.WriteAsync((due - approachLead).UtcDateTime, NpgsqlDbType.TimestampTz);
                await deadlines.WriteAsync(due.UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            await deadlines.CompleteAsync();
        }
        await transaction.CommitAsync();
        await using var analyze = database.CreateCommand("ANALYZE clocks; ANALYZE alert_deadlines");
        await analyze.ExecuteNonQueryAsync();
    }

    // Approaches fill the window's first part and breaches its last, each evenly.
    private static DateTimeOffset DueAt(int i, int count, DateTimeOffset windowStart, TimeSpan window, TimeSpan approachLead) =>
        windowStart + approachLead + (window - approachLead) * ((double)i / count);

    private static string ContactId(int i) => $"bench-{i:D7}";

    private static string AgencyId(int i) => $"agency-{i % 40:D2}";
}
