namespace Mash.Intake.Returns.Fields;

/// <summary>
/// Whether the referral led to no further action by children's social care, from the outcome fed back
/// (its group is one of <c>noFurtherActionOutcomeGroups</c>); unknown (empty) until an outcome is recorded,
/// or for an outcome the vocabulary does not know.
/// </summary>
public static class ReferralNfa
{
    public static bool? Of(string? outcome, ReturnCodeBook codes) =>
        outcome is { Length: > 0 } && codes.OutcomeGroup(outcome) is { } group ? codes.IsNoFurtherAction(group) : null;

    /// <summary>Annex A's "referral NFA?": Yes or No.</summary>
    public static string AnnexA(string? outcome, ReturnCodeBook codes) => Of(outcome, codes) switch
    {
        true => "Yes",
        false => "No",
        null => "",
    };

    /// <summary>The CIN census's ReferralNFA: an XML boolean.</summary>
    public static string Cin(string? outcome, ReturnCodeBook codes) => Of(outcome, codes) switch
    {
        true => "true",
        false => "false",
        null => "",
    };
}
