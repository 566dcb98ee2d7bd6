using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns.Rules;
using Mash.Intake.Tests.Validation;

namespace Mash.Intake.Tests.Returns;

public sealed class ExportReturnValidatorTests
{
    [Fact]
    public void A_valid_request_passes() => Assert.Empty(ExportReturnValidator.Validate(ReturnRequests.Valid(), ReturnRequests.Options));

    [Fact]
    public void Every_fault_is_reported_at_once() =>
        ViolationAssert.Fields(ExportReturnValidator.Validate(new ExportReturnRequest(), ReturnRequests.Options), "statutory_return", "format", "from", "to");
}
