namespace Mash.Intake.Validation;

/// <summary>The partnership's time zone under <c>Intake</c> (an IANA name), checked at start.</summary>
public sealed class PartnershipTimeOptions
{
    public const string SectionName = "Intake";
    public const string Requirement = "Intake:TimeZone must be a time zone this machine knows, e.g. \"Europe/London\".";

    public string TimeZone { get; set; } = "Europe/London";

    public bool IsUsable => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);
}
