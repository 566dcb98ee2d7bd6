using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns.Rules;
using Mash.Intake.Tests.Validation;

namespace Mash.Intake.Tests.Returns;

public sealed class FormatIsKnownTests
{
    [Theory]
    [InlineData(ReturnFormat.Csv)]
    [InlineData(ReturnFormat.Xlsx)]
    public void A_format_the_platform_writes_passes(ReturnFormat format) =>
        Assert.Empty(FormatIsKnown.Check(ReturnRequests.Valid(format: format), ReturnRequests.Options));

    [Theory]
    [InlineData(ReturnFormat.Unspecified)]
    [InlineData((ReturnFormat)5)]
    public void No_format_or_an_unknown_one_is_at_fault(ReturnFormat format) =>
        ViolationAssert.Fields(FormatIsKnown.Check(ReturnRequests.Valid(format: format), ReturnRequests.Options), "format");
}
