using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns.Fields;

/// <summary>A child's gender in the returns' codes: the CIN census's GenderCurrent, and Annex A's words for it.</summary>
public static class ChildGender
{
    public static string Cin(Subject child, ReturnCodeBook codes) => codes.Gender(child.Gender) ?? "";

    public static string AnnexA(Subject child, ReturnCodeBook codes) =>
        codes.Gender(child.Gender) is { } cin ? codes.AnnexAGender(cin) ?? "" : "";
}
