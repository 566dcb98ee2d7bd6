using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns.Rules;
using Mash.Intake.Tests.Validation;

namespace Mash.Intake.Tests.Returns;

public sealed class ReturnIsKnownTests
{
    [Theory]
    [InlineData(StatutoryReturn.AnnexAList1)]
    [InlineData(StatutoryReturn.AnnexAList3)]
    [InlineData(StatutoryReturn.CinReferrals)]
    public void A_return_the_platform_produces_passes(StatutoryReturn statutoryReturn) =>
        Assert.Empty(ReturnIsKnown.Check(ReturnRequests.Valid(statutoryReturn), ReturnRequests.Options));

    [Theory]
    [InlineData(StatutoryReturn.Unspecified)]
    [InlineData((StatutoryReturn)9)]
    public void No_return_or_an_unknown_one_is_at_fault(StatutoryReturn statutoryReturn) =>
        ViolationAssert.Fields(ReturnIsKnown.Check(ReturnRequests.Valid(statutoryReturn), ReturnRequests.Options), "statutory_return");
}
