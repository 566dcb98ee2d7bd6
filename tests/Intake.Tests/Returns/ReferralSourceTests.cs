using Mash.Intake.Returns;
using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Tests.Returns;

public sealed class ReferralSourceTests
{
    [Theory]
    [InlineData("6", "6")]
    [InlineData("3a", "3A")]
    [InlineData("10", "10")]
    [InlineData("police", "")]
    public void The_agency_s_source_is_its_CIN_code(string recorded, string expected) =>
        Assert.Equal(expected, ReferralSource.Code(ReturnSubjects.ContactAbout(ReturnSubjects.Child(), recorded), ReturnSubjects.Codes));

    [Fact]
    public void A_partnership_with_its_own_source_codes_maps_them()
    {
        var codes = new ReturnCodeBook(ReturnSubjects.WithCodes(c => c.ReferralSources["police"] = "6"));
        Assert.Equal("6", ReferralSource.Code(ReturnSubjects.ContactAbout(ReturnSubjects.Child(), "police"), codes));
    }
}
