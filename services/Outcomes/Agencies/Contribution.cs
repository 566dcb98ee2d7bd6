namespace Mash.Outcomes.Agencies;

/// <summary>InformationProvided, as O2 keeps it: an agency answered Triage about a contact, at a time.</summary>
internal sealed record Contribution(string ContactId, string AgencyId, DateTime OccurredAt);
