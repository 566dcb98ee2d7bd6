namespace Mash.Outcomes.Recording;

/// <summary>A second request for a contact that already has an outcome.</summary>
internal static class ExistingOutcomeRules
{
    /// <summary>The same outcome again is a retry and answers as the first did; a different one waits for re-recording (a later issue).</summary>
    public static RecordOutcomeResult Repeat(RecordedOutcome existing, string requestedOutcome) =>
        existing.Outcome == requestedOutcome
            ? new RecordOutcomeResult.Recorded(existing.CaseRef)
            : new RecordOutcomeResult.Refused($"This contact's outcome is already recorded as '{existing.Outcome}'; changing a recorded outcome is not supported yet.");
}
