using Mash.Intake.Subjects;

namespace Mash.Intake.Tests.Subjects;

public sealed class PseudonymOptionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("                                        ")]
    public void A_missing_or_short_key_is_refused(string key) =>
        Assert.False(new PseudonymOptions { PseudonymKey = key }.HasUsableKey);

    [Fact]
    public void A_key_of_32_characters_is_accepted() =>
        Assert.True(new PseudonymOptions { PseudonymKey = new string('k', PseudonymOptions.MinimumKeyLength) }.HasUsableKey);
}
