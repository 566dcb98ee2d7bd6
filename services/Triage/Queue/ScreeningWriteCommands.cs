using Npgsql;
using NpgsqlTypes;

namespace Mash.Triage.Queue;

/// <summary>The set-based statements of <see cref="QueueStore.WriteAsync"/>: one a kind, whatever the number of contacts.</summary>
internal static class ScreeningWriteCommands
{
    public static NpgsqlBatchCommand AddRatings(IReadOnlyList<(Rating Rating, DateTimeOffset DueAt, string AgencyId)> ratings) => Command("""
        INSERT INTO contact_ratings (contact_id, rag, previous_rag, practitioner_id, reason, rated_at, recorded_at)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
        """,
        Texts(ratings, r => r.Rating.ContactId), Rags(ratings, r => r.Rating.Rag), Rags(ratings, r => r.Rating.PreviousRag),
        Texts(ratings, r => r.Rating.PractitionerId), Texts(ratings, r => r.Rating.Reason),
        Times(ratings, r => r.Rating.RatedAt), Times(ratings, r => r.Rating.RecordedAt));

    public static NpgsqlBatchCommand SetRags(IReadOnlyList<(Rating Rating, DateTimeOffset DueAt, string AgencyId)> ratings) => Command("""
        UPDATE queue_items q SET rag = u.rag, rated_at = u.rated_at, due_at = u.due_at
        FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS u(contact_id, rag, rated_at, due_at)
        WHERE q.contact_id = u.contact_id
        """,
        Texts(ratings, r => r.Rating.ContactId), Rags(ratings, r => r.Rating.Rag), Times(ratings, r => r.Rating.RatedAt), Times(ratings, r => r.DueAt));

    public static NpgsqlBatchCommand AddDecisions(IReadOnlyList<(QueueEntry Entry, ThresholdDecision Decision)> decisions, DateTimeOffset recordedAt) => Command("""
        INSERT INTO threshold_decisions (contact_id, threshold_met, practitioner_id, rationale, decided_at, recorded_at, rag)
        SELECT d.contact_id, d.threshold_met, d.practitioner_id, d.rationale, d.decided_at, $6, d.rag
        FROM unnest($1::text[], $2::boolean[], $3::text[], $4::text[], $5::timestamptz[], $7::text[]) AS d(contact_id, threshold_met, practitioner_id, rationale, decided_at, rag)
        """,
        Texts(decisions, d => d.Entry.ContactId), decisions.Select(d => d.Decision.ThresholdMet).ToArray(), Texts(decisions, d => d.Decision.PractitionerId),
        Texts(decisions, d => d.Decision.Rationale), Times(decisions, d => d.Decision.DecidedAt), recordedAt.UtcDateTime, Rags(decisions, d => d.Decision.Rag));

    public static NpgsqlBatchCommand SetDecided(IReadOnlyList<(QueueEntry Entry, ThresholdDecision Decision)> decisions) => Command("""
        UPDATE queue_items q SET decided_at = u.decided_at, claimed_by = NULL, claimed_at = NULL
        FROM unnest($1::text[], $2::timestamptz[]) AS u(contact_id, decided_at)
        WHERE q.contact_id = u.contact_id
        """,
        Texts(decisions, d => d.Entry.ContactId), Times(decisions, d => d.Decision.DecidedAt));

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is DateTime[] times
                ? new NpgsqlParameter { Value = times, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz }
                : new NpgsqlParameter { Value = value });
        }
        return command;
    }

    private static string[] Texts<T>(IEnumerable<T> rows, Func<T, string> text) => rows.Select(text).ToArray();

    private static string?[] Rags<T>(IEnumerable<T> rows, Func<T, Mash.Contracts.Common.V1.Rag> rag) => rows.Select(r => RagColumn.ToColumn(rag(r)) as string).ToArray();

    private static DateTime[] Times<T>(IEnumerable<T> rows, Func<T, DateTimeOffset> time) => rows.Select(r => time(r).UtcDateTime).ToArray();
}
