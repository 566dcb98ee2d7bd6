namespace Mash.Outcomes.Recording;

/// <summary>The outcome in force for a contact: its revision, who gave it and why (a correction's reason; empty for the first), and when.</summary>
internal sealed record RecordedOutcome(string CaseRef, string Outcome, int Revision = 1, string PractitionerId = "", string Reason = "", DateTimeOffset OccurredAt = default);
