using Mash.Triage.Reporting;
using Npgsql;
using NpgsqlTypes;

namespace Mash.Triage.InformationSharing;

/// <summary>Information requests and their answers in Triage's own database.</summary>
internal sealed class InformationRequestStore(NpgsqlDataSource database)
{
    private const string Select = """
        SELECT request_id, contact_id, agency_id, question, requested_by, requested_at, due_at,
               answer, answered_by, answered_at, response_band
        FROM information_requests
        """;

    public async Task AddAsync(NpgsqlTransaction transaction, InformationRequest request, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO information_requests (request_id, contact_id, agency_id, question, requested_by, requested_at, due_at, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = request.RequestId });
        command.Parameters.Add(new() { Value = request.ContactId });
        command.Parameters.Add(new() { Value = request.AgencyId });
        command.Parameters.Add(new() { Value = request.Question });
        command.Parameters.Add(new() { Value = request.RequestedBy });
        command.Parameters.Add(new() { Value = request.RequestedAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = request.DueAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = recordedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The request, locked until the transaction ends so two answers take turns.</summary>
    public async Task<InformationRequest?> FindForUpdateAsync(NpgsqlTransaction transaction, Guid requestId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"{Select} WHERE request_id = $1 FOR UPDATE", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = requestId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>A request made of the agency about the contact at exactly that time: an imported request replayed.</summary>
    public async Task<InformationRequest?> FindAskedAtAsync(NpgsqlTransaction transaction, string contactId, string agencyId, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"{Select} WHERE contact_id = $1 AND agency_id = $2 AND requested_at = $3 LIMIT 1", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        command.Parameters.Add(new() { Value = agencyId });
        command.Parameters.Add(new() { Value = requestedAt.ToUniversalTime() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task AnswerAsync(NpgsqlTransaction transaction, Guid requestId, InformationAnswer answer, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE information_requests SET answer = $2, answered_by = $3, answered_at = $4, response_band = $5, answer_recorded_at = $6
            WHERE request_id = $1
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = requestId });
        command.Parameters.Add(new() { Value = answer.Answer });
        command.Parameters.Add(new() { Value = answer.AnsweredBy });
        command.Parameters.Add(new() { Value = answer.AnsweredAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = answer.ResponseBand });
        command.Parameters.Add(new() { Value = recordedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The requests about a contact, oldest first.</summary>
    public Task<IReadOnlyList<InformationRequest>> OfContactAsync(string contactId, CancellationToken cancellationToken) =>
        ListAsync($"{Select} WHERE contact_id = $1 ORDER BY requested_at, request_id", contactId, cancellationToken);

    /// <summary>The requests made of an agency, oldest first; only those unanswered when asked.</summary>
    public Task<IReadOnlyList<InformationRequest>> OfAgencyAsync(string agencyId, bool openOnly, CancellationToken cancellationToken) =>
        ListAsync($"{Select} WHERE agency_id = $1 {(openOnly ? "AND answered_at IS NULL" : "")} ORDER BY requested_at, request_id", agencyId, cancellationToken);

    /// <summary>T2: answers given in the window, by period, the agency that answered and the band of its response time.</summary>
    public Task<IReadOnlyList<PeriodCount<AgencyBand>>> CountResponseTimesAsync(CountWindow window, CancellationToken cancellationToken) =>
        Counting.CountAsync(database, $"""
            SELECT {Counting.PeriodOf("answered_at")}, agency_id, response_band, count(*)
            FROM information_requests
            WHERE answered_at >= $1 AND answered_at < $2
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """, window, row => new AgencyBand(row.GetString(1), row.GetString(2)), cancellationToken);

    private async Task<IReadOnlyList<InformationRequest>> ListAsync(string sql, string key, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = key, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<InformationRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(Read(reader));
        }
        return requests;
    }

    private static InformationRequest Read(NpgsqlDataReader row) => new(
        row.GetGuid(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4),
        row.GetFieldValue<DateTimeOffset>(5), row.GetFieldValue<DateTimeOffset>(6),
        row.IsDBNull(7) ? null : new InformationAnswer(row.GetString(7), row.GetString(8), row.GetFieldValue<DateTimeOffset>(9), row.GetString(10)));
}

/// <summary>An agency and a band of response time.</summary>
internal sealed record AgencyBand(string AgencyId, string Band);
