using Mash.Outcomes.Journeys;

namespace Mash.Outcomes.Recording;

/// <summary>What a known contact's stored state makes of a request to record its outcome, alike for a lone call and an import's step.</summary>
internal static class StoredOutcomeRules
{
    /// <summary>The answer when the request records nothing (a retry, or refused), or null: record it.</summary>
    public static RecordOutcomeResult? Answer(Journey journey, RecordedOutcome? existing, string outcome) =>
        existing is not null ? ExistingOutcomeRules.Repeat(existing, outcome)
        : JourneyRules.WhyNoOutcomeYet(journey) is { } reason ? new RecordOutcomeResult.Refused(reason)
        : null;
}
