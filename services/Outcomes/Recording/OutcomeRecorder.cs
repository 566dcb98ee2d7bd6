using Mash.Outcomes.Agencies;
using Mash.Outcomes.Feed;
using Mash.Outcomes.Journeys;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Outcomes.Recording;

/// <summary>
/// Records a contact's outcome and, in the same transaction, its board feed item (numbered after the
/// commit by <see cref="FeedNumbering"/>, which then sends OutcomeRecorded) and the ContactOutcomeFedBack
/// event (for Intake, to tell the referrer) in the outbox: the events leave if and only if the outcome
/// is stored. A refusal rolls back, changing nothing.
/// </summary>
internal sealed class OutcomeRecorder(
    NpgsqlDataSource dataSource, JourneyStore journeys, OutcomeStore outcomes, AgencyStore agencies, EventOutbox outbox, FeedNumbering feed, CaseRefs caseRefs, TimeProvider time)
{
    public Task<RecordOutcomeResult> RecordAsync(string contactId, string outcome, string practitionerId, CancellationToken cancellationToken) =>
        RecordAsync(contactId, NewOutcome.Only(outcome), practitionerId, cancellationToken);

    /// <summary>The outcome, the agencies it is referred on to (O2) and the gaps found (O6).</summary>
    public async Task<RecordOutcomeResult> RecordAsync(string contactId, NewOutcome outcome, string practitionerId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var journey = await journeys.FindForUpdateAsync(transaction, contactId, cancellationToken);
        if (journey is null)
        {
            return new RecordOutcomeResult.UnknownContact();
        }
        if (await outcomes.FindAsync(transaction, contactId, cancellationToken) is { } existing)
        {
            return ExistingOutcomeRules.Repeat(existing, outcome.Code);
        }
        if (JourneyRules.WhyNoOutcomeYet(journey) is { } reason)
        {
            return new RecordOutcomeResult.Refused(reason);
        }

        var now = time.GetUtcNow();
        var occurredAt = outcome.OccurredAt ?? now;
        var caseRef = caseRefs.For(contactId);
        await outcomes.AddAsync(transaction, contactId, caseRef, outcome.Code, practitionerId, occurredAt, now, cancellationToken);
        await outcomes.AddGapsAsync(transaction, contactId, outcome.Gaps, cancellationToken);
        await agencies.AddOnwardReferralsAsync(transaction, contactId, outcome.OnwardAgencyIds, cancellationToken);
        var contributing = await agencies.ContributorsAsync(transaction, contactId, cancellationToken);
        var recorded = OutcomeEvents.Recorded(journey, caseRef, outcome, contributing, occurredAt, now);
        // The referrer's feedback (O4) is for Intake only: it names the contact, so it is an event of its own.
        await OutcomeFeedLog.AddUnnumberedAsync(transaction, recorded, null, OutcomeEvents.FedBack(contactId, outcome.Code, occurredAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Added(1);
        feed.Added();
        return new RecordOutcomeResult.Recorded(caseRef);
    }
}
