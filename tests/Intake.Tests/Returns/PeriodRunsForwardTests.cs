using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns.Rules;
using Mash.Intake.Tests.Validation;

namespace Mash.Intake.Tests.Returns;

public sealed class PeriodRunsForwardTests
{
    [Fact]
    public void A_single_day_passes() =>
        Assert.Empty(PeriodRunsForward.Check(ReturnRequests.For(StatutoryReturn.AnnexAList1, new(2025, 1, 1), new(2025, 1, 2)), ReturnRequests.Options));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_period_that_ends_where_or_before_it_starts_is_at_fault(int days) =>
        ViolationAssert.Fields(PeriodRunsForward.Check(ReturnRequests.For(StatutoryReturn.AnnexAList1, new(2025, 1, 1), new DateOnly(2025, 1, 1).AddDays(days)), ReturnRequests.Options), "to");
}
