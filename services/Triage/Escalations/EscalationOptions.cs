namespace Mash.Triage.Escalations;

/// <summary>
/// Settings under <c>Triage:Escalations</c>: the partnership's codes for what an escalation is
/// about and how one is resolved. The seeds name none (Staffordshire M7 counts escalations between
/// agencies; Warwickshire §2.8 referrers disagreeing with a decision), so the shipped codes are ours.
/// </summary>
internal sealed class EscalationOptions
{
    public const string SectionName = "Triage:Escalations";
    public const string Requirement = "Triage:Escalations needs at least one Subject and one Resolution.";

    public List<string> Subjects { get; set; } = [];

    public List<string> Resolutions { get; set; } = [];

    public static readonly string[] ShippedSubjects = ["rag", "threshold-decision", "information-sharing", "outcome", "other"];

    public static readonly string[] ShippedResolutions = ["upheld", "partially-upheld", "not-upheld", "withdrawn"];

    public bool IsUsable => Subjects.Count > 0 && Resolutions.Count > 0;
}
