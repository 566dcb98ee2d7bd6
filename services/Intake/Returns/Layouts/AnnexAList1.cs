using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Returns.Layouts;

/// <summary>Ofsted's Annex A List 1: every contact received in the period, a row per child.</summary>
public sealed class AnnexAList1 : IReturnLayout
{
    public string Name => "annex-a-list-1";

    public ReturnBasis Basis => ReturnBasis.Contacts;

    public IReadOnlyList<string> Headers { get; } =
        ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Date of Contact", "Contact Source"];

    public IReadOnlyList<string> RowOf(ReturnChild child, ReturnCodeBook codes) =>
    [
        child.ChildId,
        ChildGender.AnnexA(child.Child, codes),
        ChildEthnicity.Code(child.Child, codes),
        ReturnDates.AnnexA(ChildBirth.AnnexA(child.Child)),
        AgeInYears.At(child.Child, child.ContactDate),
        ReturnDates.AnnexA(child.ContactDate),
        ReferralSource.Code(child.Contact, codes),
    ];
}
