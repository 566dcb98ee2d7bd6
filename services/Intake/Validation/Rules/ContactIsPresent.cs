namespace Mash.Intake.Validation.Rules;

/// <summary>A submission without a contact: nothing else about it can be checked.</summary>
public static class ContactIsPresent
{
    public static readonly IReadOnlyList<Violation> Violations = [new("contact", "required")];
}
