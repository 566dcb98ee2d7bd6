using Mash.Outcomes.Recording;

namespace Mash.Outcomes.Correcting;

/// <summary>When an outcome in force can be corrected. Each rule returns its verdict, or null to go on.</summary>
internal static class CorrectionRules
{
    /// <summary>The same correction again (same outcome, reason and practitioner) is a retry: it answers as the first did.</summary>
    public static CorrectOutcomeResult? Retry(RecordedOutcome current, string outcome, string reason, string practitionerId) =>
        current.Revision > 1 && current.Outcome == outcome && current.Reason == reason && current.PractitionerId == practitionerId
            ? new CorrectOutcomeResult.Corrected(current.CaseRef, current.Revision)
            : null;

    /// <summary>A correction changes the outcome; the outcome already in force is nothing to correct.</summary>
    public static CorrectOutcomeResult? MustChange(RecordedOutcome current, string outcome) =>
        current.Outcome == outcome
            ? new CorrectOutcomeResult.Refused($"The outcome in force is already '{outcome}'; there is nothing to correct.")
            : null;

    /// <summary>A correction comes after the outcome it corrects (an importer's time may say otherwise, wrongly).</summary>
    public static CorrectOutcomeResult? NotBeforeWhatItCorrects(RecordedOutcome current, DateTimeOffset correctedAt) =>
        correctedAt < current.OccurredAt
            ? new CorrectOutcomeResult.BadTime($"must not be before the outcome it corrects ({current.OccurredAt:O})")
            : null;
}
