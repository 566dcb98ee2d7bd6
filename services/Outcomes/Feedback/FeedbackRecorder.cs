using Mash.Outcomes.Agencies;
using Mash.Outcomes.Journeys;
using Mash.Outcomes.Recording;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Outcomes.Feedback;

/// <summary>
/// Records that an agency owed a contact's outcome was told it (O4) and, in the same transaction,
/// FeedbackGiven for the measures. Telling the same agency again is a retry: the first telling stands.
/// </summary>
internal sealed class FeedbackRecorder(
    NpgsqlDataSource dataSource, JourneyStore journeys, OutcomeStore outcomes, AgencyStore agencies, FeedbackStore feedback, EventOutbox outbox, TimeProvider time)
{
    /// <param name="toldAt">When it was told: now for a live call, an importer's time otherwise.</param>
    public async Task<RecordFeedbackResult> RecordAsync(string contactId, string agencyId, string givenBy, DateTimeOffset toldAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var journey = await journeys.FindForUpdateAsync(transaction, contactId, cancellationToken);
        if (journey is null || await outcomes.FindAsync(transaction, contactId, cancellationToken) is not { } outcome)
        {
            return new RecordFeedbackResult.NoOutcome();
        }
        var owed = FeedbackRules.Owed(journey.AgencyId, await agencies.ContributorsAsync(transaction, contactId, cancellationToken));
        var told = new Dictionary<string, DateTimeOffset>(await feedback.ToldAsync(transaction, contactId, cancellationToken), StringComparer.Ordinal);
        if (told.TryGetValue(agencyId, out var earlier))
        {
            return new RecordFeedbackResult.Told(outcome.CaseRef, earlier, NotYetTold(owed, told));
        }
        if (FeedbackRules.MustBeOwed(owed, agencyId) is { } notOwed)
        {
            return new RecordFeedbackResult.NotOwed(notOwed);
        }
        var outcomeAt = await feedback.OutcomeAtAsync(transaction, contactId, cancellationToken);
        if (FeedbackRules.NotBeforeTheOutcome(toldAt, outcomeAt) is { } tooEarly)
        {
            return new RecordFeedbackResult.BadTime(tooEarly);
        }

        var now = time.GetUtcNow();
        var toReferrer = agencyId == journey.AgencyId;
        await feedback.AddAsync(transaction, contactId, agencyId, toReferrer, givenBy, toldAt, now, cancellationToken);
        await outbox.AddAsync(transaction, OutcomeEvents.Told(outcome, agencyId, toReferrer, outcomeAt, toldAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        told[agencyId] = toldAt;
        return new RecordFeedbackResult.Told(outcome.CaseRef, toldAt, NotYetTold(owed, told));
    }

    private static IReadOnlyList<string> NotYetTold(IReadOnlyList<string> owed, IReadOnlyDictionary<string, DateTimeOffset> told) =>
        [.. owed.Where(a => !told.ContainsKey(a))];
}
