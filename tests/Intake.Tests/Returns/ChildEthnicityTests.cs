using Mash.Intake.Returns;
using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Tests.Returns;

public sealed class ChildEthnicityTests
{
    [Theory]
    [InlineData("WBRI", "WBRI")]
    [InlineData("bafr", "BAFR")]
    [InlineData("", "NOBT")]
    [InlineData("martian", "")]
    public void An_ethnicity_is_its_CIN_code(string recorded, string expected) =>
        Assert.Equal(expected, ChildEthnicity.Code(ReturnSubjects.Child(ethnicity: recorded), ReturnSubjects.Codes));

    [Fact]
    public void A_partnership_maps_its_own_codes()
    {
        var codes = new ReturnCodeBook(ReturnSubjects.WithCodes(c => c.Ethnicities["white-british"] = "WBRI"));
        Assert.Equal("WBRI", ChildEthnicity.Code(ReturnSubjects.Child(ethnicity: "white-british"), codes));
    }
}
