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

    /// <summary>Adds the requests in one statement, for the caller's transaction.</summary>
    public static NpgsqlBatchCommand AddCommand(IReadOnlyList<InformationRequest> made, DateTimeOffset recordedAt) => new("""
        INSERT INTO information_requests (request_id, contact_id, agency_id, question, requested_by, requested_at, due_at, recorded_at)
        SELECT r.*, $8 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[]) AS r
        """)
    {
        Parameters =
        {
            new() { Value = made.Select(r => r.RequestId).ToArray() },
            new() { Value = made.Select(r => r.ContactId).ToArray() },
            new() { Value = made.Select(r => r.AgencyId).ToArray() },
            new() { Value = made.Select(r => r.Question).ToArray() },
            new() { Value = made.Select(r => r.RequestedBy).ToArray() },
            Times(made.Select(r => r.RequestedAt)),
            Times(made.Select(r => r.DueAt)),
            new() { Value = recordedAt.UtcDateTime },
        },
    };

    /// <summary>The requests, locked until the transaction ends in request id order, so two answers to one take turns.</summary>
    public async Task<IReadOnlyDictionary<Guid, InformationRequest>> FindForUpdateAsync(NpgsqlTransaction transaction, IReadOnlyCollection<Guid> requestIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"{Select} WHERE request_id = ANY($1) ORDER BY request_id FOR UPDATE", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = requestIds.ToArray() });
        var found = new Dictionary<Guid, InformationRequest>(requestIds.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var request = Read(reader);
            found[request.RequestId] = request;
        }
        return found;
    }

    /// <summary>For each ask, a request made of its agency about its contact at exactly its time: an imported request replayed.</summary>
    public async Task<IReadOnlyDictionary<InformationAsk, InformationRequest>> FindAskedAtAsync(NpgsqlTransaction transaction, IReadOnlyList<InformationAsk> asks, CancellationToken cancellationToken)
    {
        var found = new Dictionary<InformationAsk, InformationRequest>();
        if (asks.Count == 0)
        {
            return found;
        }
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT ON (a.n) r.request_id, r.contact_id, r.agency_id, r.question, r.requested_by, r.requested_at, r.due_at,
                   r.answer, r.answered_by, r.answered_at, r.response_band, a.n
            FROM unnest($1::text[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS a(contact_id, agency_id, requested_at, n)
            JOIN information_requests r ON r.contact_id = a.contact_id AND r.agency_id = a.agency_id AND r.requested_at = a.requested_at
            ORDER BY a.n
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = asks.Select(a => a.ContactId).ToArray() });
        command.Parameters.Add(new() { Value = asks.Select(a => a.AgencyId).ToArray() });
        command.Parameters.Add(Times(asks.Select(a => a.Moment.At)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[asks[(int)reader.GetInt64(11) - 1]] = Read(reader);
        }
        return found;
    }

    /// <summary>Records the requests' answers in one statement, for the caller's transaction.</summary>
    public static NpgsqlBatchCommand AnswerCommand(IReadOnlyList<InformationRequest> answered, DateTimeOffset recordedAt) => new("""
        UPDATE information_requests r SET answer = a.answer, answered_by = a.answered_by, answered_at = a.answered_at, response_band = a.response_band, answer_recorded_at = $6
        FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[]) AS a(request_id, answer, answered_by, answered_at, response_band)
        WHERE r.request_id = a.request_id
        """)
    {
        Parameters =
        {
            new() { Value = answered.Select(r => r.RequestId).ToArray() },
            new() { Value = answered.Select(r => r.Answer!.Answer).ToArray() },
            new() { Value = answered.Select(r => r.Answer!.AnsweredBy).ToArray() },
            Times(answered.Select(r => r.Answer!.AnsweredAt)),
            new() { Value = answered.Select(r => r.Answer!.ResponseBand).ToArray() },
            new() { Value = recordedAt.UtcDateTime },
        },
    };

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

    private static NpgsqlParameter Times(IEnumerable<DateTimeOffset> times) =>
        new() { Value = times.Select(t => t.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };

    private static InformationRequest Read(NpgsqlDataReader row) => new(
        row.GetGuid(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4),
        row.GetFieldValue<DateTimeOffset>(5), row.GetFieldValue<DateTimeOffset>(6),
        row.IsDBNull(7) ? null : new InformationAnswer(row.GetString(7), row.GetString(8), row.GetFieldValue<DateTimeOffset>(9), row.GetString(10)));
}

/// <summary>An agency and a band of response time.</summary>
internal sealed record AgencyBand(string AgencyId, string Band);
