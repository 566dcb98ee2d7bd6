namespace Mash.Intake.Validation;

/// <summary>A field at fault in a request: its path (<c>contact.subjects[0].nhs_number</c>) and what is wrong.</summary>
/// <remarks>Descriptions never repeat personal data (names, NHS numbers): they travel to logs and clients.</remarks>
public sealed record Violation(string Field, string Description);
