using System.Globalization;

namespace Mash.Intake.Returns.Fields;

/// <summary>Annex A List 3's "number of referrals in the last 12 months": the child's referrals in the window before this one, this one not counted.</summary>
public static class EarlierReferrals
{
    public static string Count(ReturnChild row) => row.EarlierReferrals?.ToString(CultureInfo.InvariantCulture) ?? "";
}
