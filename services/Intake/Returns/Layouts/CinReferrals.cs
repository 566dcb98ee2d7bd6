using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Returns.Layouts;

/// <summary>The DfE CIN census's child and referral items for every referral in the period, a row per child, named as the census names them.</summary>
public sealed class CinReferrals : IReturnLayout
{
    public string Name => "cin-referrals";

    public ReturnBasis Basis => ReturnBasis.Referrals;

    public IReadOnlyList<string> Headers { get; } =
    [
        "LAchildID", "UPN", "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent", "Ethnicity", "Disabilities",
        "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "ReferralNFA",
    ];

    public IReadOnlyList<string> RowOf(ReturnChild child, ReturnCodeBook codes) =>
    [
        child.ChildId,
        // Neither a pupil number nor a disability is recorded by the platform.
        "",
        ReturnDates.Cin(ChildBirth.DateOfBirth(child.Child)),
        ReturnDates.Cin(ChildBirth.ExpectedDate(child.Child)),
        ChildGender.Cin(child.Child, codes),
        ChildEthnicity.Code(child.Child, codes),
        "",
        ReturnDates.Cin(child.ReferralDate),
        ReferralSource.Code(child.Contact, codes),
        PrimaryNeed.Code(child.Contact, codes),
        ReferralNfa.Cin(child.Outcome, codes),
    ];
}
