namespace Mash.Outcomes.Recording;

/// <summary>One outcome a contact has had: the first recorded (number 1, no previous outcome or reason) or a correction.</summary>
internal sealed record OutcomeRevision(
    int Number, string Outcome, string PreviousOutcome, string PractitionerId, string Reason, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt);
