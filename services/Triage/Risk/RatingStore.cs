using Mash.Contracts.Common.V1;
using Mash.Triage.Queue;
using Mash.Triage.Reporting;
using Npgsql;

namespace Mash.Triage.Risk;

/// <summary>Every rating and re-rating of a contact (R2), read back: its history, and re-ratings counted by period and agency.</summary>
internal sealed class RatingStore(NpgsqlDataSource database)
{
    /// <summary>The contact's ratings, in the order they were made.</summary>
    public async Task<IReadOnlyList<Rating>> OfAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT rag, previous_rag, practitioner_id, reason, rated_at, recorded_at
            FROM contact_ratings WHERE contact_id = $1 ORDER BY rated_at, id
            """);
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ratings = new List<Rating>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ratings.Add(new Rating(contactId, RagColumn.FromColumn(reader.GetValue(0)), RagColumn.FromColumn(reader.GetValue(1)),
                reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return ratings;
    }

    /// <summary>Whether the contact was given this RAG at exactly this time: an imported rating replayed.</summary>
    public async Task<bool> WasGivenAsync(NpgsqlTransaction transaction, string contactId, Rag rag, DateTimeOffset ratedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM contact_ratings WHERE contact_id = $1 AND rated_at = $2 AND rag = $3)", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactId });
        command.Parameters.Add(new() { Value = ratedAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = RagColumn.ToColumn(rag) });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Each contact's first RAG and how often it changed since, for its decision's event (R3).</summary>
    public async Task<IReadOnlyDictionary<string, RatingStory>> StoriesBeforeDecisionAsync(NpgsqlTransaction transaction, IReadOnlyCollection<string> contactIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT ON (contact_id) contact_id, rag,
                   (count(*) FILTER (WHERE previous_rag IS NOT NULL) OVER (PARTITION BY contact_id))::int
            FROM contact_ratings WHERE contact_id = ANY($1)
            ORDER BY contact_id, rated_at, id
            """, transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = contactIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stories = new Dictionary<string, RatingStory>(contactIds.Count, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            stories[reader.GetString(0)] = new RatingStory(RagColumn.FromColumn(reader.GetValue(1)), reader.GetInt32(2));
        }
        return stories;
    }

    /// <summary>Re-ratings made in the window, by period, the contact's referring agency and transition (Red→Amber, …).</summary>
    public Task<IReadOnlyList<PeriodCount<RatingChange>>> CountChangesAsync(CountWindow window, CancellationToken cancellationToken) =>
        Counting.CountAsync(database, $"""
            SELECT {Counting.PeriodOf("r.rated_at")}, q.agency_id, r.previous_rag, r.rag, count(*)
            FROM contact_ratings r JOIN queue_items q ON q.contact_id = r.contact_id
            WHERE r.previous_rag IS NOT NULL AND r.rated_at >= $1 AND r.rated_at < $2
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            """, window, row => new RatingChange(row.GetString(1), RagColumn.FromColumn(row.GetValue(2)), RagColumn.FromColumn(row.GetValue(3))), cancellationToken);
}

/// <summary>What the decision's event tells of the contact's ratings: its first RAG and the number of re-ratings.</summary>
internal sealed record RatingStory(Rag InitialRag, int Reratings)
{
    /// <summary>A contact never rated (a decision needs a rating, so only as a fallback).</summary>
    public static readonly RatingStory None = new(Rag.Unspecified, 0);
}

/// <summary>One kind of re-rating, for a referring agency.</summary>
internal sealed record RatingChange(string AgencyId, Rag From, Rag To);
