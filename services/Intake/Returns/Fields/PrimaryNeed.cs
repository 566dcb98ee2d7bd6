using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns.Fields;

/// <summary>
/// The CIN census's PrimaryNeedCode where the partnership maps presenting issues to needs: the first
/// of the contact's issues that has a code. Shipped with no map, so empty: the need is assessed after the referral.
/// </summary>
public static class PrimaryNeed
{
    public static string Code(Contact contact, ReturnCodeBook codes) =>
        contact.PresentingIssues.Select(codes.PrimaryNeed).FirstOrDefault(code => !string.IsNullOrEmpty(code)) ?? "";
}
