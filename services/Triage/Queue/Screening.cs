using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Actors;
using Mash.Triage.Risk;
using Mash.Triage.Timing;
using Npgsql;

namespace Mash.Triage.Queue;

/// <summary>
/// A practitioner's work on the queue. Each change, its history row and its event (through the
/// outbox) commit in one transaction, with the contact locked; a refused call commits nothing.
/// Who acts and when are given by the caller's adapter (<see cref="Actor"/>, <see cref="Moment"/>).
/// </summary>
internal sealed class Screening(NpgsqlDataSource database, QueueStore queue, RatingStore history, EventOutbox outbox, RagScheme scheme, TimeProvider time)
{
    /// <summary>
    /// Ratings and decisions of different contacts in one transaction, their contacts locked together:
    /// each answered, and written, as it would be alone; a refused one writes nothing. An importer's
    /// call takes hundreds at once, so they cost a few statements in all rather than several each.
    /// </summary>
    public async Task<IReadOnlyList<ScreeningResult<QueueEntry>>> TakeAsync(IReadOnlyList<ScreeningChange> changes, CancellationToken cancellationToken)
    {
        var contactIds = DifferentRecords.Of(changes.Select(c => c.ContactId), nameof(changes));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entries = await queue.FindForUpdateAsync(transaction, contactIds, cancellationToken);
        var writes = new ScreeningWrites();
        var results = new List<ScreeningResult<QueueEntry>>(changes.Count);
        foreach (var change in changes)
        {
            var entry = entries.GetValueOrDefault(change.ContactId);
            results.Add(change switch
            {
                ScreeningChange.Rate rate => await RateAsync(transaction, entry, rate, writes, cancellationToken),
                ScreeningChange.Decide decide => Decide(entry, decide, writes),
                _ => throw new ArgumentException($"Unexpected change {change}.", nameof(changes)),
            });
        }
        if (writes.Count > 0)
        {
            var now = time.GetUtcNow();
            await QueueStore.WriteAsync(transaction, writes, await EventsOfAsync(transaction, writes, now, cancellationToken), now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            outbox.Added(writes.Count);
        }
        return results;
    }

    private async Task<ScreeningResult<QueueEntry>> RateAsync(NpgsqlTransaction transaction, QueueEntry? entry, ScreeningChange.Rate change, ScreeningWrites writes, CancellationToken cancellationToken)
    {
        var step = RatingRules.Check(entry, change.Rag, change.Actor.Id);
        if (step is RatingStep.UnknownContact)
        {
            return Unknown(change.ContactId);
        }
        if (step is RatingStep.Unchanged)
        {
            return new ScreeningResult<QueueEntry>.Done(entry!);
        }
        if (RatingRefusal(step, entry!, change.Reason, change.Moment) is { } refused)
        {
            // An importer run again replays ratings already in the history, some now before the
            // current rating or after the decision: such a rating stands as it is, and nothing changes.
            return change.Moment.Given && await history.WasGivenAsync(transaction, change.ContactId, change.Rag, change.Moment.At, cancellationToken)
                ? new ScreeningResult<QueueEntry>.Done(entry!)
                : refused;
        }
        var rating = new Rating(entry!.ContactId, change.Rag, entry.Rag, change.Actor.Id, change.Reason, change.Moment.At, time.GetUtcNow());
        var dueAt = scheme.DueAt(entry.ReceivedAt, change.Rag);
        writes.Add(rating, dueAt, entry.AgencyId);
        return new ScreeningResult<QueueEntry>.Done(entry with { Rag = change.Rag, RatedAt = rating.RatedAt, DueAt = dueAt });
    }

    private static ScreeningResult<QueueEntry> Decide(QueueEntry? entry, ScreeningChange.Decide change, ScreeningWrites writes)
    {
        switch (DecisionRules.Check(entry, change.ThresholdMet, change.Actor.Id))
        {
            case DecisionStep.UnknownContact:
                return Unknown(change.ContactId);
            case DecisionStep.NotRated:
                return new ScreeningResult<QueueEntry>.WrongState($"Contact {change.ContactId} has no RAG rating yet; rate it before deciding.");
            case DecisionStep.AlreadyDecided:
                return new ScreeningResult<QueueEntry>.WrongState($"Contact {change.ContactId} is already decided ({Describe(entry!.Decision!)}); a decision is recorded once.");
            case DecisionStep.ClaimedByAnother:
                return ClaimedByAnother(entry!);
            case DecisionStep.SameDecision:
                return new ScreeningResult<QueueEntry>.Done(entry!);
        }
        if ((TimeRules.NotBefore(change.Moment, entry!.ReceivedAt, "the contact was received") ?? TimeRules.NotBefore(change.Moment, entry.RatedAt ?? entry.ReceivedAt, "its current rating")) is { } late)
        {
            return new ScreeningResult<QueueEntry>.BadField("occurred_at", late);
        }
        var decision = new ThresholdDecision(change.ThresholdMet, change.Actor.Id, change.Rationale, change.Moment.At, entry.Rag);
        writes.Add(entry, decision);
        return new ScreeningResult<QueueEntry>.Done(entry with { Decision = decision, Claim = null });
    }

    /// <summary>
    /// The allowed changes' events; a decision's tells its contact's ratings before it. The changes are of
    /// different contacts, so the order between their events is of no account.
    /// </summary>
    private async Task<IReadOnlyList<IMessage>> EventsOfAsync(NpgsqlTransaction transaction, ScreeningWrites writes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stories = writes.Decisions.Count == 0
            ? new Dictionary<string, RatingStory>()
            : await history.StoriesBeforeDecisionAsync(transaction, [.. writes.Decisions.Select(d => d.Entry.ContactId)], cancellationToken);
        return
        [
            .. writes.Ratings.Select(r => TriageEvents.ContactRated(r.Rating, r.AgencyId, scheme)),
            .. writes.Decisions.Select(d => TriageEvents.DecisionRecorded(d.Entry, d.Decision, stories.GetValueOrDefault(d.Entry.ContactId) ?? RatingStory.None, now)),
        ];
    }

    /// <summary>Takes the contact to screen; claiming one's own claim again changes nothing.</summary>
    public async Task<ScreeningResult<QueueEntry>> ClaimAsync(string contactId, Actor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entry = await queue.FindForUpdateAsync(transaction, contactId, cancellationToken);
        switch (ClaimRules.CheckClaim(entry, actor.Id))
        {
            case ClaimStep.UnknownContact:
                return Unknown(contactId);
            case ClaimStep.AlreadyDecided:
                return new ScreeningResult<QueueEntry>.WrongState($"Contact {contactId} is decided; it has left the queue.");
            case ClaimStep.ClaimedByAnother:
                return ClaimedByAnother(entry!);
            case ClaimStep.Unchanged:
                return new ScreeningResult<QueueEntry>.Done(entry!);
        }
        var claim = new Claim(actor.Id, time.GetUtcNow());
        await queue.SetClaimAsync(transaction, contactId, claim, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScreeningResult<QueueEntry>.Done(entry! with { Claim = claim });
    }

    /// <summary>Gives the contact back to the queue: its claimant, or a manager.</summary>
    public async Task<ScreeningResult<QueueEntry>> ReleaseAsync(string contactId, Actor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entry = await queue.FindForUpdateAsync(transaction, contactId, cancellationToken);
        switch (ClaimRules.CheckRelease(entry, actor.Id, actor.IsManager))
        {
            case ClaimStep.UnknownContact:
                return Unknown(contactId);
            case ClaimStep.ClaimedByAnother:
                return ClaimedByAnother(entry!);
            case ClaimStep.Unchanged:
                return new ScreeningResult<QueueEntry>.Done(entry!);
        }
        await queue.SetClaimAsync(transaction, contactId, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScreeningResult<QueueEntry>.Done(entry! with { Claim = null });
    }

    public Task<QueuePage> ListQueueAsync(QueuePageRequest page, CancellationToken cancellationToken) =>
        queue.ListUndecidedAsync(page, cancellationToken);

    /// <summary>Why the contact may not be given this rating now, or null when it may.</summary>
    private static ScreeningResult<QueueEntry>? RatingRefusal(RatingStep step, QueueEntry entry, string reason, Moment moment) => step switch
    {
        RatingStep.AlreadyDecided => new ScreeningResult<QueueEntry>.WrongState($"Contact {entry.ContactId} is decided; its rating no longer changes."),
        RatingStep.ClaimedByAnother => ClaimedByAnother(entry),
        _ when RatingRules.ReratingSaysWhy(entry, reason) is { } why => new ScreeningResult<QueueEntry>.BadField("reason", why),
        _ when (TimeRules.NotBefore(moment, entry.ReceivedAt, "the contact was received") ?? TimeRules.NotBefore(moment, entry.RatedAt ?? entry.ReceivedAt, "its current rating")) is { } late
            => new ScreeningResult<QueueEntry>.BadField("occurred_at", late),
        _ => null,
    };

    private static ScreeningResult<QueueEntry>.Unknown Unknown(string contactId) => new($"No contact {contactId} in the triage queue.");

    private static ScreeningResult<QueueEntry>.WrongState ClaimedByAnother(QueueEntry entry) =>
        new($"Contact {entry.ContactId} is claimed by {entry.Claim!.ClaimedBy} (since {entry.Claim.ClaimedAt:O}); they are screening it.");

    private static string Describe(ThresholdDecision decision) =>
        $"{(decision.ThresholdMet ? "threshold met" : "threshold not met")}, by {decision.PractitionerId}";
}
