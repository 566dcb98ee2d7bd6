namespace Mash.Quality.Registers;

/// <summary>
/// Q1 or Q2: an audit of a referral's quality (by the referring agency, with whether consent was
/// sought) or of a MASH decision, and its grade. <paramref name="AgencyId"/> is "" for a decision
/// audit of no one agency; <paramref name="Consent"/> null for a decision audit.
/// </summary>
internal sealed record QualityAuditRecord(
    Guid Id, string Kind, string AgencyId, DateOnly AuditedOn, string Grade, string? Consent, string Findings, Guid? ContactId, string RecordedBy);
