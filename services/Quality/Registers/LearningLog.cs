using Npgsql;

namespace Mash.Quality.Registers;

/// <summary>Q6: lessons and their actions, a lesson stored once per request id with all its actions.</summary>
internal sealed class LearningLog(NpgsqlDataSource dataSource)
{
    public async Task<Guid> AddAsync(Guid requestId, LearningRecord learning, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await RegisterSql.InsertOnceAsync(connection, transaction, """
            INSERT INTO learning_entries (id, request_id, source_type, source, identified_on, lesson, recorded_by, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id
            RETURNING id
            """,
            [learning.Id, requestId, learning.SourceType, learning.Source, learning.IdentifiedOn, learning.Lesson, learning.RecordedBy, now.UtcDateTime],
            cancellationToken);
        // A retry finds the first call's lesson, whose actions are already stored.
        if (id == learning.Id)
        {
            foreach (var (action, position) in learning.Actions.Select((a, i) => (a, i)))
            {
                await using var insert = RegisterSql.Command(connection, transaction, """
                    INSERT INTO learning_actions (id, entry_id, position, action, owner, target_on, implementation)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """, action.Id, id, position, action.Action, action.Owner, action.TargetOn, action.Implementation);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Sets an action's evidence, impact and completion; null when there is no such action.</summary>
    public async Task<LearningActionRecord?> UpdateAsync(Guid actionId, string evidence, string impact, DateOnly? completedOn, string updatedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = RegisterSql.Command(connection, null, """
            UPDATE learning_actions SET evidence = $2, impact = $3, completed_on = $4, updated_by = $5, updated_at = $6 WHERE id = $1
            RETURNING id, action, owner, target_on, implementation, evidence, impact, completed_on
            """, actionId, evidence, impact, completedOn, updatedBy, now.UtcDateTime);
        command.Parameters[3].DataTypeName = "date";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ActionOf(reader, 0) : null;
    }

    /// <summary>Newest first by the day the lesson was identified, each with its actions in order.</summary>
    public async Task<IReadOnlyList<LearningRecord>> ListAsync(DayRange days, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = RegisterSql.Command(connection, null, $"""
            SELECT e.id, e.source_type, e.source, e.identified_on, e.lesson, e.recorded_by,
                   a.id, a.action, a.owner, a.target_on, a.implementation, a.evidence, a.impact, a.completed_on
            FROM (SELECT * FROM learning_entries WHERE {DaySql.Within("identified_on")} ORDER BY identified_on DESC, id DESC LIMIT $3) e
            JOIN learning_actions a ON a.entry_id = e.id
            ORDER BY e.identified_on DESC, e.id DESC, a.position
            """, [.. DaySql.Values(days)]);
        DaySql.Type(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<LearningRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (entries.Count == 0 || entries[^1].Id != reader.GetGuid(0))
            {
                entries.Add(new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3), reader.GetString(4), [], reader.GetString(5)));
            }
            entries[^1] = entries[^1] with { Actions = [.. entries[^1].Actions, ActionOf(reader, 6)] };
        }
        return entries;
    }

    private static LearningActionRecord ActionOf(NpgsqlDataReader reader, int at) => new(
        reader.GetGuid(at), reader.GetString(at + 1), reader.GetString(at + 2), reader.GetFieldValue<DateOnly>(at + 3), reader.GetString(at + 4),
        reader.GetString(at + 5), reader.GetString(at + 6), RegisterSql.Nullable<DateOnly>(reader, at + 7));
}
