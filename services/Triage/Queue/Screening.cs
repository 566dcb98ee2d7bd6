using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Triage.Queue;

/// <summary>
/// A practitioner's work on the queue. Each change, its history row and its event (through the
/// outbox) commit in one transaction, with the contact locked; a refused call commits nothing.
/// </summary>
internal sealed class Screening(NpgsqlDataSource database, QueueStore queue, EventOutbox outbox, TimeProvider time)
{
    public async Task<ScreeningResult> RateAsync(RateContactRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entry = await queue.FindForUpdateAsync(transaction, request.ContactId, cancellationToken);
        switch (RatingRules.Check(entry, request.Rag))
        {
            case RatingStep.UnknownContact:
                return new ScreeningResult.UnknownContact(request.ContactId);
            case RatingStep.AlreadyDecided:
                return new ScreeningResult.WrongState($"Contact {request.ContactId} is decided; its rating no longer changes.");
            case RatingStep.Unchanged:
                return new ScreeningResult.Done(entry!);
        }
        var rating = new Rating(entry!.ContactId, request.Rag, entry.Rag, request.PractitionerId, request.Reason, time.GetUtcNow());
        await queue.AddRatingAsync(transaction, rating, cancellationToken);
        await outbox.AddAsync(transaction, TriageEvents.ContactRated(rating), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScreeningResult.Done(entry with { Rag = rating.Rag });
    }

    public async Task<ScreeningResult> DecideAsync(RecordDecisionRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entry = await queue.FindForUpdateAsync(transaction, request.ContactId, cancellationToken);
        switch (DecisionRules.Check(entry, request.ThresholdMet, request.PractitionerId))
        {
            case DecisionStep.UnknownContact:
                return new ScreeningResult.UnknownContact(request.ContactId);
            case DecisionStep.NotRated:
                return new ScreeningResult.WrongState($"Contact {request.ContactId} has no RAG rating yet; rate it before deciding.");
            case DecisionStep.AlreadyDecided:
                return new ScreeningResult.WrongState($"Contact {request.ContactId} is already decided ({Describe(entry!.Decision!)}); a decision is recorded once.");
            case DecisionStep.SameDecision:
                return new ScreeningResult.Done(entry!);
        }
        var decision = new ThresholdDecision(request.ThresholdMet, request.PractitionerId, request.Rationale, time.GetUtcNow());
        await queue.AddDecisionAsync(transaction, entry!.ContactId, decision, cancellationToken);
        await outbox.AddAsync(transaction, TriageEvents.DecisionRecorded(entry.ContactId, decision), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScreeningResult.Done(entry with { Decision = decision });
    }

    public Task<IReadOnlyList<QueueEntry>> ListQueueAsync(int pageSize, CancellationToken cancellationToken) =>
        queue.ListUndecidedAsync(pageSize, cancellationToken);

    private static string Describe(ThresholdDecision decision) =>
        $"{(decision.ThresholdMet ? "threshold met" : "threshold not met")}, by {decision.PractitionerId}";
}
