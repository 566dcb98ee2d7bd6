using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Returns.Layouts;

/// <summary>Ofsted's Annex A List 3: every referral in the period (a contact the MASH decided met the threshold), a row per child.</summary>
public sealed class AnnexAList3 : IReturnLayout
{
    public string Name => "annex-a-list-3";

    public ReturnBasis Basis => ReturnBasis.Referrals;

    public IReadOnlyList<string> Headers { get; } =
    [
        "Child Unique ID", "Gender", "Ethnicity", "Disability", "Date of Birth", "Age of Child (Years)",
        "Date of Referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months",
    ];

    public IReadOnlyList<string> RowOf(ReturnChild child, ReturnCodeBook codes) =>
    [
        child.ChildId,
        ChildGender.AnnexA(child.Child, codes),
        ChildEthnicity.Code(child.Child, codes),
        // The platform records no disability.
        "",
        ReturnDates.AnnexA(ChildBirth.AnnexA(child.Child)),
        AgeInYears.At(child.Child, child.ReferralDate ?? child.ContactDate),
        ReturnDates.AnnexA(child.ReferralDate),
        ReferralSource.Code(child.Contact, codes),
        ReferralNfa.AnnexA(child.Outcome, codes),
        EarlierReferrals.Count(child),
    ];
}
