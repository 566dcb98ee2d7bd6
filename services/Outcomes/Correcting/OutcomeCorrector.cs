using Mash.Outcomes.Agencies;
using Mash.Outcomes.Feed;
using Mash.Outcomes.Journeys;
using Mash.Outcomes.Recording;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Outcomes.Correcting;

/// <summary>
/// Corrects a contact's outcome: the next revision (who, when, why) and, in the same transaction,
/// the correction on the board's feed, OutcomeCorrected for downstream measures to recount and ContactOutcomeFedBack so Intake tells the
/// referrer the outcome that stands. A refusal rolls back, changing nothing.
/// </summary>
internal sealed class OutcomeCorrector(
    NpgsqlDataSource dataSource, JourneyStore journeys, OutcomeStore outcomes, AgencyStore agencies, EventOutbox outbox, FeedNumbering feed, TimeProvider time)
{
    public Task<CorrectOutcomeResult> CorrectAsync(string contactId, string outcome, string reason, string practitionerId, CancellationToken cancellationToken) =>
        CorrectAsync(contactId, outcome, reason, practitionerId, occurredAt: null, cancellationToken);

    /// <param name="occurredAt">When it was corrected, if an importer says; null: now.</param>
    public async Task<CorrectOutcomeResult> CorrectAsync(
        string contactId, string outcome, string reason, string practitionerId, DateTimeOffset? occurredAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The journey's lock queues this behind any recording or correction of the same contact.
        var journey = await journeys.FindForUpdateAsync(transaction, contactId, cancellationToken);
        if (journey is null || await outcomes.FindAsync(transaction, contactId, cancellationToken) is not { } current)
        {
            return new CorrectOutcomeResult.NoOutcome();
        }
        if ((CorrectionRules.Retry(current, outcome, reason, practitionerId) ?? CorrectionRules.MustChange(current, outcome)) is { } verdict)
        {
            return verdict;
        }

        var now = time.GetUtcNow();
        if (CorrectionRules.NotBeforeWhatItCorrects(current, occurredAt ?? now) is { } tooEarly)
        {
            return tooEarly;
        }
        var revision = new OutcomeRevision(current.Revision + 1, outcome, current.Outcome, practitionerId, reason, occurredAt ?? now, now);
        await outcomes.CorrectAsync(transaction, contactId, revision, cancellationToken);
        // The board's feed carries the correction as the case's outcome again (pseudonymous, numbered
        // like any outcome, and OutcomeCorrected carries that number), so a board resuming after_sequence meets it in order.
        var whole = new NewOutcome(outcome, await agencies.OnwardAsync(transaction, contactId, cancellationToken), await outcomes.GapsAsync(transaction, contactId, cancellationToken));
        var item = OutcomeEvents.CorrectedItem(journey, current.CaseRef, revision, whole, await agencies.ContributorsAsync(transaction, contactId, cancellationToken));
        var corrected = OutcomeEvents.Corrected(journey, current.CaseRef, revision);
        await OutcomeFeedLog.AddUnnumberedAsync(transaction, item, corrected, OutcomeEvents.FedBack(contactId, outcome, revision.OccurredAt, now, revision.Number), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Added(1);
        feed.Added();
        return new CorrectOutcomeResult.Corrected(current.CaseRef, revision.Number);
    }
}
