using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class RequestIdIsUsableTests
{
    [Fact]
    public void A_request_id_passes() =>
        Assert.Empty(RequestIdIsUsable.Check(TestContacts.Request("retry-key-1")));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_request_id_is_at_fault(string requestId) =>
        ViolationAssert.Fields(RequestIdIsUsable.Check(TestContacts.Request(requestId)), "request_id");

    [Fact]
    public void An_overlong_request_id_is_at_fault() =>
        ViolationAssert.Fields(RequestIdIsUsable.Check(TestContacts.Request(new string('x', RequestIdIsUsable.MaxLength + 1))), "request_id");
}
