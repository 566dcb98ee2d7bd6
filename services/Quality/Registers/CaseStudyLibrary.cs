using Npgsql;

namespace Mash.Quality.Registers;

/// <summary>Q5: the evidence library, stored once per request id.</summary>
internal sealed class CaseStudyLibrary(NpgsqlDataSource dataSource)
{
    public async Task<Guid> AddAsync(Guid requestId, CaseStudyRecord study, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RegisterSql.InsertOnceAsync(connection, null, """
            INSERT INTO case_studies (id, request_id, title, narrative, agency_ids, written_on, recorded_by, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id
            RETURNING id
            """,
            [study.Id, requestId, study.Title, study.Narrative, study.AgencyIds.ToArray(), study.WrittenOn, study.RecordedBy, now.UtcDateTime],
            cancellationToken);
    }

    /// <summary>Newest first by the day written.</summary>
    public async Task<IReadOnlyList<CaseStudyRecord>> ListAsync(DayRange days, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = RegisterSql.Command(connection, null, $"""
            SELECT id, title, narrative, agency_ids, written_on, recorded_by FROM case_studies
            WHERE {DaySql.Within("written_on")} ORDER BY written_on DESC, id DESC LIMIT $3
            """, [.. DaySql.Values(days)]);
        DaySql.Type(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var studies = new List<CaseStudyRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            studies.Add(new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3), reader.GetFieldValue<DateOnly>(4), reader.GetString(5)));
        }
        return studies;
    }
}
