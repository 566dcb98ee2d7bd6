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
    public async Task<ScreeningResult<QueueEntry>> RateAsync(string contactId, Rag rag, string reason, Actor actor, Moment moment, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entry = await queue.FindForUpdateAsync(transaction, contactId, cancellationToken);
        var step = RatingRules.Check(entry, rag, actor.Id);
        if (step is RatingStep.UnknownContact)
        {
            return Unknown(contactId);
        }
        if (step is RatingStep.Unchanged)
        {
            return new ScreeningResult<QueueEntry>.Done(entry!);
        }
        if (RatingRefusal(step, entry!, reason, moment) is { } refused)
        {
            // An importer run again replays ratings already in the history, some now before the
            // current rating or after the decision: such a rating stands as it is, and nothing changes.
            return moment.Given && await history.WasGivenAsync(transaction, contactId, rag, moment.At, cancellationToken)
                ? new ScreeningResult<QueueEntry>.Done(entry!)
                : refused;
        }
        var rating = new Rating(entry!.ContactId, rag, entry.Rag, actor.Id, reason, moment.At, time.GetUtcNow());
        var dueAt = scheme.DueAt(entry.ReceivedAt, rag);
        await queue.AddRatingAsync(transaction, rating, dueAt, cancellationToken);
        await outbox.AddAsync(transaction, TriageEvents.ContactRated(rating, entry.AgencyId, scheme), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScreeningResult<QueueEntry>.Done(entry with { Rag = rag, RatedAt = rating.RatedAt, DueAt = dueAt });
    }

    public async Task<ScreeningResult<QueueEntry>> DecideAsync(string contactId, bool thresholdMet, string rationale, Actor actor, Moment moment, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entry = await queue.FindForUpdateAsync(transaction, contactId, cancellationToken);
        switch (DecisionRules.Check(entry, thresholdMet, actor.Id))
        {
            case DecisionStep.UnknownContact:
                return Unknown(contactId);
            case DecisionStep.NotRated:
                return new ScreeningResult<QueueEntry>.WrongState($"Contact {contactId} has no RAG rating yet; rate it before deciding.");
            case DecisionStep.AlreadyDecided:
                return new ScreeningResult<QueueEntry>.WrongState($"Contact {contactId} is already decided ({Describe(entry!.Decision!)}); a decision is recorded once.");
            case DecisionStep.ClaimedByAnother:
                return ClaimedByAnother(entry!);
            case DecisionStep.SameDecision:
                return new ScreeningResult<QueueEntry>.Done(entry!);
        }
        if ((TimeRules.NotBefore(moment, entry!.ReceivedAt, "the contact was received") ?? TimeRules.NotBefore(moment, entry.RatedAt ?? entry.ReceivedAt, "its current rating")) is { } late)
        {
            return new ScreeningResult<QueueEntry>.BadField("occurred_at", late);
        }
        var decision = new ThresholdDecision(thresholdMet, actor.Id, rationale, moment.At, entry.Rag);
        var story = await history.StoryBeforeDecisionAsync(transaction, contactId, cancellationToken);
        await queue.AddDecisionAsync(transaction, entry.ContactId, decision, time.GetUtcNow(), cancellationToken);
        await outbox.AddAsync(transaction, TriageEvents.DecisionRecorded(entry, decision, story, time.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScreeningResult<QueueEntry>.Done(entry with { Decision = decision, Claim = null });
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
