using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace QualityBenchmark;

/// <summary>
/// Quality's facts for <c>count</c> contacts, written by binary COPY straight into the tables its
/// consumers fill (after its migrations), one table at a time, each row as a consumer would leave
/// it; then VACUUM ANALYZE, as autovacuum would have left a table that grew over two years.
/// </summary>
internal static class FactLoad
{
    public static async Task<long> LoadAsync(NpgsqlDataSource database, int count)
    {
        long rows = 0;
        await using var connection = await database.OpenConnectionAsync();
        foreach (var (table, write) in Tables)
        {
            var clock = Stopwatch.StartNew();
            await using (var import = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)"))
            {
                var writer = new RowWriter(import);
                for (var i = 0; i < count; i++)
                {
                    write(new Contact(i, count), writer);
                }
                rows += writer.Rows;
                await import.CompleteAsync();
                Console.WriteLine($"  {table}: {writer.Rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s");
            }
        }
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync();
        return rows;
    }

    private static readonly (string Table, Action<Contact, RowWriter> Write)[] Tables =
    [
        ("contacts (contact_id, agency_id, occurred_at, contact_type, pathway)", (c, w) => w.Row(c.Id, c.AgencyId, c.ReceivedAt, c.ContactType, c.Pathway)),
        ("presenting_issues (contact_id, issue)", (c, w) =>
        {
            for (var n = 0; n < c.IssueCount; n++)
            {
                w.Row(c.Id, c.Issue(n));
            }
        }),
        ("ratings (contact_id, rag, occurred_at)", (c, w) => w.RowIf(c.Rated, c.Id, c.Rag, c.RatedAt)),
        // R1 reads the rating in force at a period's end from the history (0009): a re-rated contact's first RAG, then its current one.
        ("rating_history (contact_id, occurred_at, rag)", (c, w) =>
        {
            w.RowIf(c.ReRated, c.Id, c.ReceivedAt.AddMinutes(20), c.FirstRag);
            w.RowIf(c.Rated, c.Id, c.RatedAt, c.Rag);
        }),
        ("rating_changes (event_id, contact_id, from_rag, to_rag, occurred_at)", (c, w) => w.RowIf(c.ReRated, $"{c.Id}-rr", c.Id, c.FirstRag, c.Rag, c.RatedAt)),
        ("decision_timings (contact_id, rag, within_target, occurred_at)", (c, w) => w.RowIf(c.Decided, c.Id, c.Rag, c.WithinTarget, c.DecidedAt)),
        ("decisions (contact_id, agency_id, threshold_met, occurred_at, first_decided_at)", (c, w) => w.RowIf(c.Decided, c.Id, c.AgencyId, c.ThresholdMet, c.DecidedAt, c.DecidedAt)),
        // O1–O3 count with their contact's period (0009): the receipt as Outcomes says it.
        ("outcomes (case_ref, outcome, threshold_met, is_repeat_referral, occurred_at, contact_received_at, agency_id)", (c, w) =>
            w.RowIf(c.Decided, c.CaseRef, c.Outcome, c.ThresholdMet, c.RepeatReferral, c.OutcomeAt, c.ReceivedAt, c.AgencyId)),
        ("outcome_agencies (case_ref, role, agency_id)", (c, w) =>
        {
            foreach (var agency in c.Contributors)
            {
                w.Row(c.CaseRef, "contributed", agency);
            }
            w.RowIf(c.WentOnward, c.CaseRef, "onward", "health");
        }),
        ("outcome_gaps (case_ref, gap)", (c, w) => w.RowIf(c.GapFound, c.CaseRef, "not-in-education")),
        // O4 as Outcomes tells it (FeedbackGiven): the referrer, and the agencies that contributed.
        ("agency_feedback (case_ref, agency_id, to_referrer, outcome_at, occurred_at)", (c, w) =>
        {
            w.RowIf(c.FedBack, c.CaseRef, c.AgencyId, true, c.OutcomeAt, c.FedBackAt);
            foreach (var agency in c.Contributors.Where(c.ContributorTold))
            {
                w.Row(c.CaseRef, agency, false, c.OutcomeAt, c.ContributorToldAt(agency));
            }
        }),
        ("consultations (consultation_id, agency_id, kind, occurred_at)", (c, w) => w.RowIf(c.Consulted, $"{c.Id}-k", c.AgencyId, "social-work", c.ReceivedAt.AddHours(2))),
        ("information_requests (request_id, contact_id, agency_id, occurred_at)", (c, w) =>
        {
            for (var n = 0; n < c.InformationRequests; n++)
            {
                w.Row(c.RequestId(n), c.Id, c.RequestedAgency(n), c.RequestedAt(n));
            }
        }),
        ("information_responses (request_id, agency_id, requested_at, response_band, occurred_at)", (c, w) =>
        {
            for (var n = 0; n < c.InformationRequests; n++)
            {
                w.RowIf(c.Answered(n), c.RequestId(n), c.RequestedAgency(n), c.RequestedAt(n), c.Band(n), c.RequestedAt(n).AddHours(c.HoursToAnswer(n)));
            }
        }),
        ("escalations (escalation_id, contact_id, kind, raised_by_agency, occurred_at)", (c, w) =>
            w.RowIf(c.Escalated, $"{c.Id}-e", c.Id, "ESCALATION_KIND_BETWEEN_AGENCIES", c.AgencyId, c.RatedAt.AddHours(1))),
        ("escalation_resolutions (escalation_id, raised_by_agency, resolution, occurred_at)", (c, w) =>
            w.RowIf(c.EscalationResolved, $"{c.Id}-e", c.AgencyId, "agreed", c.RatedAt.AddHours(30))),
        ("deadline_breaches (contact_id, due_at, rag, agency_id, occurred_at)", (c, w) => w.RowIf(c.Breached, c.Id, c.DueAt, c.Rag, c.AgencyId, c.DueAt)),
        ("deadline_approaches (contact_id, due_at, rag, agency_id, occurred_at)", (c, w) =>
            w.RowIf(c.Approached, c.Id, c.DueAt, c.Rag, c.AgencyId, c.DueAt.AddHours(-1))),
    ];

    /// <summary>Rows of text, smallint, boolean and timestamptz values, in the COPY's column order.</summary>
    private sealed class RowWriter(NpgsqlBinaryImporter import)
    {
        public long Rows { get; private set; }

        public void RowIf(bool written, params object[] values)
        {
            if (written)
            {
                Row(values);
            }
        }

        public void Row(params object[] values)
        {
            import.StartRow();
            foreach (var value in values)
            {
                switch (value)
                {
                    case string text: import.Write(text, NpgsqlDbType.Text); break;
                    case short number: import.Write(number, NpgsqlDbType.Smallint); break;
                    case bool flag: import.Write(flag, NpgsqlDbType.Boolean); break;
                    case DateTime instant: import.Write(instant, NpgsqlDbType.TimestampTz); break;
                    default: throw new ArgumentException($"No COPY type for {value.GetType()}.");
                }
            }
            Rows++;
        }
    }
}
