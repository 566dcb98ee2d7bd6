using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Triage.Queue;
using Npgsql;

namespace TriageBenchmark;

/// <summary>
/// A backlog as a busy MASH might carry it: contacts announced through Triage's own consumer path
/// (ReceivedContacts, in batches), received over the last 30 days from 20 agencies on both pathways;
/// then, in SQL for speed, a share rated (due times moved to their RAG's target, as rating does) and
/// a share decided (out of the undecided queue).
/// </summary>
internal static class Backlog
{
    public const int Agencies = 20;

    public static string AgencyId(int i) => $"agency-{i % Agencies:00}";

    public static async Task SeedAsync(NpgsqlDataSource database, ReceivedContacts contacts, int count, DateTimeOffset now)
    {
        var random = new Random(13);
        string[] types = ["concern", "information-request", "domestic-abuse-notification", "advice"];
        string[] issues = ["neglect", "domestic-abuse", "physical-abuse", "emotional-abuse", "cse", "missing", "mental-health"];
        for (var start = 0; start < count; start += 5_000)
        {
            var batch = Enumerable.Range(start, Math.Min(5_000, count - start)).Select(i =>
            {
                var at = now.AddMinutes(-random.Next(1, 60 * 24 * 30));
                return ReceivedContacts.Announced(new ContactReceived
                {
                    EventId = Guid.NewGuid().ToString(),
                    ContactId = $"c-{i:000000}",
                    AgencyId = AgencyId(i),
                    ContactType = types[random.Next(types.Length)],
                    PresentingIssues = { issues[random.Next(issues.Length)], issues[random.Next(issues.Length)] },
                    Pathway = random.Next(4) == 0 ? Pathway.Adults : Pathway.Children,
                    OccurredAt = Timestamp.FromDateTimeOffset(at),
                    RecordedAt = Timestamp.FromDateTimeOffset(at),
                });
            }).ToList();
            await contacts.QueueAsync([batch], CancellationToken.None);
        }
        await using var batchSql = new NpgsqlBatch(await database.OpenConnectionAsync())
        {
            BatchCommands =
            {
                // Half rated: 15% Red, 35% Amber, 50% Green, due by Walsall's targets.
                new("""
                    UPDATE queue_items SET rag = r.rag, rated_at = received_at + interval '10 minutes',
                        due_at = received_at + CASE r.rag WHEN 'Red' THEN interval '4 hours' WHEN 'Amber' THEN interval '24 hours' ELSE interval '7 days' END
                    FROM (SELECT contact_id, CASE WHEN random() < 0.15 THEN 'Red' WHEN random() < 0.41 THEN 'Amber' ELSE 'Green' END AS rag
                          FROM queue_items WHERE random() < 0.5) r
                    WHERE r.contact_id = queue_items.contact_id
                    """),
                // A tenth of the rated decided: they leave the undecided queue.
                new("""
                    INSERT INTO threshold_decisions (contact_id, threshold_met, practitioner_id, rationale, decided_at, recorded_at, rag)
                    SELECT contact_id, random() < 0.4, 'sw-seed', 'seeded', rated_at + interval '1 hour', rated_at + interval '1 hour', rag
                    FROM queue_items WHERE rag IS NOT NULL AND random() < 0.1
                    """),
                new("UPDATE queue_items q SET decided_at = d.decided_at FROM threshold_decisions d WHERE d.contact_id = q.contact_id"),
                new("ANALYZE queue_items"),
                new("ANALYZE threshold_decisions"),
            },
        };
        await batchSql.ExecuteNonQueryAsync();
        await batchSql.Connection!.DisposeAsync();
    }

    public static async Task<long> UndecidedAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM queue_items WHERE decided_at IS NULL");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
