using Npgsql;

namespace Mash.Quality.Registers;

/// <summary>Q8: the rolling reports schedule, a report stored once per request id.</summary>
internal sealed class ReportSchedule(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, report, due_on, due_to, lead, rationale, business_plan_link, request_on, reminder_on, progress, comment, delivered_on";

    public async Task<Guid> ScheduleAsync(Guid requestId, ReportRecord report, string recordedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = RegisterSql.Command(connection, null, """
            INSERT INTO scheduled_reports (id, request_id, report, due_on, due_to, lead, rationale, business_plan_link, request_on, reminder_on, recorded_by, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id
            RETURNING id
            """, report.Id, requestId, report.Report, report.DueOn, report.DueTo, report.Lead, report.Rationale, report.BusinessPlanLink,
            report.RequestOn, report.ReminderOn, recordedBy, now.UtcDateTime);
        command.Parameters[8].DataTypeName = command.Parameters[9].DataTypeName = "date";
        return (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Sets a report's progress, comment and delivery; null when there is no such report.</summary>
    public async Task<ReportRecord?> UpdateAsync(Guid reportId, string progress, string comment, DateOnly? deliveredOn, string updatedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = RegisterSql.Command(connection, null, $"""
            UPDATE scheduled_reports SET progress = $2, comment = $3, delivered_on = $4, updated_by = $5, updated_at = $6 WHERE id = $1
            RETURNING {Columns}
            """, reportId, progress, comment, deliveredOn, updatedBy, now.UtcDateTime);
        command.Parameters[3].DataTypeName = "date";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReportOf(reader) : null;
    }

    /// <summary>By due date, soonest first, as the schedule is read.</summary>
    public async Task<IReadOnlyList<ReportRecord>> ListAsync(DayRange days, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = RegisterSql.Command(connection, null, $"""
            SELECT {Columns} FROM scheduled_reports WHERE {DaySql.Within("due_on")} ORDER BY due_on, id LIMIT $3
            """, [.. DaySql.Values(days)]);
        DaySql.Type(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reports = new List<ReportRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            reports.Add(ReportOf(reader));
        }
        return reports;
    }

    private static ReportRecord ReportOf(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
        RegisterSql.Nullable<DateOnly>(reader, 7), RegisterSql.Nullable<DateOnly>(reader, 8), reader.GetString(9), reader.GetString(10), RegisterSql.Nullable<DateOnly>(reader, 11));
}
