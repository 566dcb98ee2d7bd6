using Npgsql;

namespace Mash.Quality.Registers;

/// <summary>Q3: survey answers, stored once per request id; the board reads them only as counts.</summary>
internal sealed class SurveyRegister(NpgsqlDataSource dataSource)
{
    public async Task<Guid> RecordAsync(Guid requestId, Guid id, SurveyAnswer answer, string recordedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RegisterSql.InsertOnceAsync(connection, null, """
            INSERT INTO survey_responses (id, request_id, survey, agency_id, responded_on, satisfaction, confident, comment, recorded_by, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id
            RETURNING id
            """,
            [id, requestId, answer.Survey, answer.AgencyId, answer.RespondedOn, answer.Satisfaction, answer.Confident, answer.Comment, recordedBy, now.UtcDateTime],
            cancellationToken);
    }
}
