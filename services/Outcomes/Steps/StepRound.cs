using Mash.Outcomes.Agencies;
using Mash.Outcomes.Feed;
using Mash.Outcomes.Feedback;
using Mash.Outcomes.Journeys;
using Mash.Outcomes.Recording;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Outcomes.Steps;

/// <summary>
/// Takes steps of different contacts in one transaction: locks their journeys at once, reads what the rules
/// need a statement a table, judges each step by the same rules, and writes the accepted ones a statement a
/// table with their events and feed items (<see cref="StepWrites"/>). Steps of different contacts read and
/// write different rows, so this leaves what taking them one by one leaves, in a handful of statements
/// rather than ten a step. A lone RecordOutcome or RecordFeedback is a round of one. A refused step writes
/// nothing; a failure of the database rolls the whole round back.
/// </summary>
internal sealed class StepRound(
    NpgsqlDataSource dataSource, JourneyStore journeys, OutcomeStore outcomes, AgencyStore agencies, FeedbackStore feedback,
    EventOutbox outbox, FeedNumbering feed, CaseRefs caseRefs, TimeProvider time)
{
    /// <summary>Each step's result, in the steps' order.</summary>
    public async Task<IReadOnlyList<StepTaken>> TakeAsync(IReadOnlyList<ContactStep> steps, CancellationToken cancellationToken)
    {
        if (steps.DistinctBy(s => s.ContactId, StringComparer.Ordinal).Count() < steps.Count)
        {
            throw new ArgumentException("A round takes one step a contact: a contact's later step depends on its earlier one.", nameof(steps));
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var facts = await ContactFacts.ReadAsync(transaction, steps, journeys, outcomes, agencies, feedback, cancellationToken);
        var writes = new StepWrites();
        StepTaken[] taken = [.. steps.Select(step => Take(step, facts, writes))];
        if (!writes.IsEmpty)
        {
            await writes.WriteAsync(transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            writes.Announce(outbox, feed);
        }
        return taken;
    }

    private StepTaken Take(ContactStep step, ContactFacts facts, StepWrites writes) => step switch
    {
        ContactStep.Outcome outcome => new StepTaken.Outcome(Record(outcome, facts, writes)),
        ContactStep.Telling telling => new StepTaken.Telling(Tell(telling, facts, writes)),
        _ => throw new InvalidOperationException($"Unexpected step {step}."),
    };

    private RecordOutcomeResult Record(ContactStep.Outcome step, ContactFacts facts, StepWrites writes)
    {
        if (!facts.Journeys.TryGetValue(step.ContactId, out var journey))
        {
            return new RecordOutcomeResult.UnknownContact();
        }
        if (StoredOutcomeRules.Answer(journey, facts.Outcomes.GetValueOrDefault(step.ContactId), step.Asked.Code) is { } answer)
        {
            return answer;
        }
        var recording = OutcomeToRecord.Of(journey, caseRefs.For(step.ContactId), step.Asked, step.PractitionerId, [.. facts.Contributors[step.ContactId]], time.GetUtcNow());
        writes.Add(recording);
        return new RecordOutcomeResult.Recorded(recording.CaseRef);
    }

    private RecordFeedbackResult Tell(ContactStep.Telling step, ContactFacts facts, StepWrites writes)
    {
        if (facts.TellingOf(step.ContactId) is not { } telling)
        {
            return new RecordFeedbackResult.NoOutcome();
        }
        if (telling.Answer(step.AgencyId, step.ToldAt) is { } answer)
        {
            return answer;
        }
        writes.Add(TellingToRecord.Of(telling, step.AgencyId, step.GivenBy, step.ToldAt, time.GetUtcNow()));
        return telling.Recorded(step.AgencyId, step.ToldAt);
    }
}
