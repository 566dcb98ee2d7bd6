using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns.Layouts;

/// <summary>Each return the platform produces, by the name the API gives it.</summary>
public static class ReturnLayouts
{
    /// <summary>The layout; null for STATUTORY_RETURN_UNSPECIFIED or a value this version does not know.</summary>
    public static IReturnLayout? For(StatutoryReturn statutoryReturn) => statutoryReturn switch
    {
        StatutoryReturn.AnnexAList1 => new AnnexAList1(),
        StatutoryReturn.AnnexAList3 => new AnnexAList3(),
        StatutoryReturn.CinReferrals => new CinReferrals(),
        _ => null,
    };
}
