using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns;
using Mash.Intake.Returns.Rules;
using Mash.Intake.Tests.Validation;

namespace Mash.Intake.Tests.Returns;

public sealed class PeriodIsWithinMaximumTests
{
    [Fact]
    public void Exactly_the_longest_period_passes() =>
        Assert.Empty(PeriodIsWithinMaximum.Check(ReturnRequests.For(StatutoryReturn.AnnexAList1, new(2023, 4, 1), new(2025, 4, 1)), ReturnRequests.Options));

    [Fact]
    public void A_day_longer_is_at_fault() =>
        ViolationAssert.Fields(PeriodIsWithinMaximum.Check(ReturnRequests.For(StatutoryReturn.AnnexAList1, new(2023, 3, 31), new(2025, 4, 1)), ReturnRequests.Options), "to");

    [Fact]
    public void The_partnership_sets_the_longest()
    {
        var quarter = new ReturnsOptions { ReturnMaxPeriod = "3 months" };
        var year = ReturnRequests.For(StatutoryReturn.AnnexAList1, new(2024, 4, 1), new(2025, 4, 1));
        ViolationAssert.Fields(PeriodIsWithinMaximum.Check(year, quarter), "to");
    }

    [Theory]
    [InlineData("2 years", true)]
    [InlineData("18 months", true)]
    [InlineData("forever", false)]
    [InlineData("", false)]
    public void The_setting_is_checked_at_start(string setting, bool usable) =>
        Assert.Equal(usable, new ReturnsOptions { ReturnMaxPeriod = setting }.IsUsable);
}
