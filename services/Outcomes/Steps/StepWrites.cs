using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Outcomes.Agencies;
using Mash.Outcomes.Feed;
using Mash.Outcomes.Feedback;
using Mash.Outcomes.Recording;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Outcomes.Steps;

/// <summary>
/// What a round's accepted steps write, gathered so each table takes them all in one statement and every
/// statement goes in one round trip: outcomes, their revisions, gaps and onward referrals, tellings, the
/// feed's unnumbered items and the outbox's events, each in the steps' order.
/// </summary>
internal sealed class StepWrites
{
    private readonly List<OutcomeToRecord> outcomes = [];
    private readonly List<TellingToRecord> tellings = [];
    private readonly List<IMessage> events = [];

    public bool IsEmpty => events.Count == 0;

    public void Add(OutcomeToRecord outcome)
    {
        outcomes.Add(outcome);
        events.Add(outcome.FedBack);
    }

    public void Add(TellingToRecord telling)
    {
        tellings.Add(telling);
        events.Add(telling.Given);
    }

    public async Task WriteAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var command in Commands())
        {
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Once committed: the outbox's dispatcher and the feed's numberer look at once.</summary>
    public void Announce(EventOutbox outbox, FeedNumbering feed)
    {
        outbox.Added(events.Count);
        if (outcomes.Count > 0)
        {
            feed.Added();
        }
    }

    private IEnumerable<NpgsqlBatchCommand> Commands()
    {
        if (outcomes.Count > 0)
        {
            // The feed's items after the outcomes they describe, as a lone recording writes them.
            foreach (var command in OutcomeStore.AddCommands(outcomes))
            {
                yield return command;
            }
            if (outcomes.SelectMany(o => o.Outcome.OnwardAgencyIds.Select(a => (o.ContactId, a))).ToArray() is { Length: > 0 } onward)
            {
                yield return AgencyStore.AddOnwardReferralsCommand(onward);
            }
            yield return OutcomeFeedLog.AddUnnumberedCommand([.. outcomes.Select(o => (o.Item, (OutcomeCorrected?)null))]);
        }
        if (tellings.Count > 0)
        {
            yield return FeedbackStore.AddCommand(tellings);
        }
        yield return EventOutbox.AddRangeCommand(events);
    }
}
