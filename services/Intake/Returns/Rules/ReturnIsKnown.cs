using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns.Layouts;
using Mash.Intake.Validation;

namespace Mash.Intake.Returns.Rules;

/// <summary>Which return: one the platform produces.</summary>
public static class ReturnIsKnown
{
    public static IEnumerable<Violation> Check(ExportReturnRequest request, ReturnsOptions options)
    {
        if (ReturnLayouts.For(request.StatutoryReturn) is null)
        {
            yield return new("statutory_return", "required: STATUTORY_RETURN_ANNEX_A_LIST_1, STATUTORY_RETURN_ANNEX_A_LIST_3 or STATUTORY_RETURN_CIN_REFERRALS");
        }
    }
}
