namespace Mash.Outcomes.Recording;

/// <summary>An outcome already recorded for a contact.</summary>
internal sealed record RecordedOutcome(string CaseRef, string Outcome);
