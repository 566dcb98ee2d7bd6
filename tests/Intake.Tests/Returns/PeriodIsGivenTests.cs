using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns.Rules;
using Mash.Intake.Tests.Validation;

namespace Mash.Intake.Tests.Returns;

public sealed class PeriodIsGivenTests
{
    [Fact]
    public void Two_calendar_dates_pass() => Assert.Empty(PeriodIsGiven.Check(ReturnRequests.Valid(), ReturnRequests.Options));

    [Fact]
    public void No_period_is_at_fault_at_both_ends()
    {
        var request = ReturnRequests.Valid();
        request.From = null;
        request.To = null;
        ViolationAssert.Fields(PeriodIsGiven.Check(request, ReturnRequests.Options), "from", "to");
    }

    [Fact]
    public void A_date_not_in_the_calendar_is_at_fault()
    {
        var request = ReturnRequests.Valid();
        request.To = new Date { Year = 2025, Month = 2, Day = 29 };
        ViolationAssert.Fields(PeriodIsGiven.Check(request, ReturnRequests.Options), "to");
    }
}
