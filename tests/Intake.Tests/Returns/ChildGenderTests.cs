using Mash.Intake.Returns;
using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Tests.Returns;

public sealed class ChildGenderTests
{
    [Theory]
    [InlineData("male", "1", "a) Male")]
    [InlineData(" Female ", "2", "b) Female")]
    [InlineData("", "0", "c) Not stated/recorded")]
    [InlineData("indeterminate", "9", "d) Neither")]
    public void A_recorded_gender_has_its_CIN_code_and_Annex_A_words(string recorded, string cin, string annexA)
    {
        var child = ReturnSubjects.Child(gender: recorded);
        Assert.Equal(cin, ChildGender.Cin(child, ReturnSubjects.Codes));
        Assert.Equal(annexA, ChildGender.AnnexA(child, ReturnSubjects.Codes));
    }

    [Fact]
    public void A_gender_the_map_lacks_is_left_empty_for_the_author_to_check()
    {
        var child = ReturnSubjects.Child(gender: "prefers not to say");
        Assert.Equal("", ChildGender.Cin(child, ReturnSubjects.Codes));
        Assert.Equal("", ChildGender.AnnexA(child, ReturnSubjects.Codes));
    }

    [Fact]
    public void A_partnership_maps_its_own_words()
    {
        var codes = new ReturnCodeBook(ReturnSubjects.WithCodes(c => c.Genders["girl"] = "2"));
        Assert.Equal("b) Female", ChildGender.AnnexA(ReturnSubjects.Child(gender: "Girl"), codes));
    }
}
