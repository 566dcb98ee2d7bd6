namespace Mash.Intake.Returns;

/// <summary>Which contacts a return counts in its period: those received (contacts), or those that became referrals (referrals).</summary>
public enum ReturnBasis
{
    Contacts,
    Referrals,
}
