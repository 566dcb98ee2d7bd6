using Mash.Outcomes.Agencies;
using Mash.Outcomes.Feedback;
using Mash.Outcomes.Journeys;
using Mash.Outcomes.Recording;
using Npgsql;

namespace Mash.Outcomes.Steps;

/// <summary>What the rules need of a round's contacts, read a statement a table for all of them once their journeys are locked.</summary>
internal sealed record ContactFacts(
    IReadOnlyDictionary<string, Journey> Journeys,
    IReadOnlyDictionary<string, RecordedOutcome> Outcomes,
    ILookup<string, string> Contributors,
    ILookup<string, (string AgencyId, DateTimeOffset ToldAt)> Told,
    IReadOnlyDictionary<string, DateTimeOffset> OutcomeAt)
{
    /// <summary>A telling's facts, or null when the contact has no outcome to tell (or is unknown).</summary>
    public TellingFacts? TellingOf(string contactId) =>
        Journeys.TryGetValue(contactId, out var journey) && Outcomes.TryGetValue(contactId, out var outcome)
            ? new TellingFacts(journey, outcome, [.. Contributors[contactId]],
                Told[contactId].ToDictionary(t => t.AgencyId, t => t.ToldAt, StringComparer.Ordinal), OutcomeAt[contactId])
            : null;

    /// <summary>
    /// Locks the steps' journeys, then reads only what their steps can need: nothing more for an unknown contact,
    /// the tellings' own tables only for tellings.
    /// </summary>
    public static async Task<ContactFacts> ReadAsync(
        NpgsqlTransaction transaction, IReadOnlyList<ContactStep> steps, JourneyStore journeys, OutcomeStore outcomes, AgencyStore agencies, FeedbackStore feedback,
        CancellationToken cancellationToken)
    {
        var found = await journeys.FindForUpdateAsync(transaction, [.. steps.Select(s => s.ContactId)], cancellationToken);
        string[] known = [.. found.Keys];
        string[] telling = [.. steps.OfType<ContactStep.Telling>().Select(s => s.ContactId).Where(found.ContainsKey)];
        return new(
            found,
            known.Length == 0 ? new Dictionary<string, RecordedOutcome>() : await outcomes.FindAsync(transaction, known, cancellationToken),
            known.Length == 0 ? Nothing<string>() : await agencies.ContributorsAsync(transaction, known, cancellationToken),
            telling.Length == 0 ? Nothing<(string, DateTimeOffset)>() : await feedback.ToldAsync(transaction, telling, cancellationToken),
            telling.Length == 0 ? new Dictionary<string, DateTimeOffset>() : await feedback.OutcomeAtAsync(transaction, telling, cancellationToken));
    }

    private static ILookup<string, T> Nothing<T>() => Array.Empty<(string, T)>().ToLookup(p => p.Item1, p => p.Item2);
}
