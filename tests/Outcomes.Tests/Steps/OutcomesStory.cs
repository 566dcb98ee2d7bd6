using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Steps;

/// <summary>
/// Everything Outcomes stored of its contacts, as comparable lines: every row of the outcomes' and tellings' tables,
/// every event in the outbox and every item on the board's feed (numbered first), without what is made afresh each
/// time (event ids) or
/// depends on the order different contacts' steps were taken in (feed positions). Sorted, for the same reason.
/// </summary>
internal static class OutcomesStory
{
    private static readonly string[] Tables =
    [
        "SELECT concat_ws('|', 'outcome', contact_id, case_ref, outcome, practitioner_id, occurred_at, recorded_at, revision) FROM outcomes",
        "SELECT concat_ws('|', 'revision', contact_id, revision, outcome, previous_outcome, practitioner_id, reason, occurred_at, recorded_at) FROM outcome_revisions",
        "SELECT concat_ws('|', 'gap', contact_id, gap) FROM outcome_gaps",
        "SELECT concat_ws('|', 'onward', contact_id, agency_id) FROM onward_referrals",
        "SELECT concat_ws('|', 'told', contact_id, agency_id, to_referrer, given_by, occurred_at, recorded_at) FROM feedback",
        "SELECT concat_ws('|', 'unnumbered', id) FROM outcome_feed_unnumbered",
    ];

    public static async Task<List<string>> OfAsync(OutcomesUnderTest outcomes)
    {
        await outcomes.NumberFeedAsync();
        var story = new List<string>();
        foreach (var sql in Tables)
        {
            await using var command = outcomes.DataSource.CreateCommand(sql);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                story.Add(reader.GetString(0));
            }
        }
        story.AddRange((await outcomes.OutboxAsync()).Select(e => Line(e, Unplaced)));
        story.AddRange((await outcomes.FedBackAsync()).Select(e => Line(e, c => c.EventId = "")));
        story.AddRange((await outcomes.FeedbackGivenAsync()).Select(e => Line(e, c => c.EventId = "")));
        await using (var feed = outcomes.DataSource.CreateCommand("SELECT body FROM outcome_feed"))
        await using (var reader = await feed.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                story.Add("feed " + Line(OutcomeRecorded.Parser.ParseFrom((byte[])reader[0]), Unplaced));
            }
        }
        story.Sort(StringComparer.Ordinal);
        return story;
    }

    /// <summary>Without its feed position too: rounds may number different contacts' outcomes in another order than the call's.</summary>
    private static void Unplaced(OutcomeRecorded item)
    {
        item.EventId = "";
        item.FeedSequence = 0;
    }

    private static string Line<T>(T message, Action<T> clear) where T : IMessage<T>, IDeepCloneable<T>
    {
        var copy = message.Clone();
        clear(copy);
        return $"{typeof(T).Name} {copy}";
    }
}
