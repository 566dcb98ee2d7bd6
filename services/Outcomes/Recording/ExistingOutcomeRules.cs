namespace Mash.Outcomes.Recording;

/// <summary>A second request for a contact that already has an outcome.</summary>
internal static class ExistingOutcomeRules
{
    /// <summary>The same outcome again is a retry and answers as the first did; a different one is a correction, which says why (CorrectOutcome).</summary>
    public static RecordOutcomeResult Repeat(RecordedOutcome existing, string requestedOutcome) =>
        existing.Outcome == requestedOutcome
            ? new RecordOutcomeResult.Recorded(existing.CaseRef)
            : new RecordOutcomeResult.Refused($"This contact's outcome is already recorded as '{existing.Outcome}'; to change it, correct it (CorrectOutcome) saying why.");
}
