namespace Mash.Outcomes.Recording;

/// <summary>The outcome in force for a contact: its revision, and who gave it and why (a correction's reason; empty for the first).</summary>
internal sealed record RecordedOutcome(string CaseRef, string Outcome, int Revision = 1, string PractitionerId = "", string Reason = "");
