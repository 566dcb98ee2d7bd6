namespace Mash.Intake.Subjects;

/// <summary>Settings under <c>Intake</c>.</summary>
public sealed class PseudonymOptions
{
    public const string SectionName = "Intake";
    public const int MinimumKeyLength = 32;
    public const string KeyRequirement = "Intake:PseudonymKey must be set to a secret of at least 32 characters (each deployment its own).";

    /// <summary>
    /// The secret that keys subject references (HMAC-SHA256). Each deployment sets its own and keeps
    /// it: with a new key every subject gets a new reference, and repeats across the change are lost.
    /// </summary>
    public string PseudonymKey { get; set; } = "";

    public bool HasUsableKey => PseudonymKey.Trim().Length >= MinimumKeyLength;
}
