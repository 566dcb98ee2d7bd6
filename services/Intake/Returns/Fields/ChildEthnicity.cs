using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns.Fields;

/// <summary>A child's ethnicity as the CIN census codes it (Annex A uses the same codes); not recorded is NOBT by the shipped map.</summary>
public static class ChildEthnicity
{
    public static string Code(Subject child, ReturnCodeBook codes) => codes.Ethnicity(child.EthnicityCode) ?? "";
}
