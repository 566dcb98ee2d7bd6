using Mash.Intake.Validation;

namespace Mash.Intake.Tests.Validation;

public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("4010232137")]
    [InlineData("9876543210")]
    public void Numbers_with_the_right_check_digit_are_valid(string number) =>
        Assert.True(NhsNumber.IsValid(number));

    [Theory]
    [InlineData("9434765918")]
    [InlineData("4010232138")]
    [InlineData("9876543211")]
    public void A_wrong_check_digit_is_invalid(string number) =>
        Assert.False(NhsNumber.IsValid(number));

    [Fact]
    public void Nine_digits_calling_for_check_digit_10_make_no_valid_number()
    {
        Assert.Null(NhsNumber.CheckDigit("123456789"));
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(NhsNumber.IsValid($"123456789{d}")));
    }

    [Fact]
    public void A_remainder_of_zero_calls_for_check_digit_0() =>
        Assert.Equal(0, NhsNumber.CheckDigit("000000000"));

    [Theory]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    public void Spaces_and_hyphens_between_groups_are_ignored(string written) =>
        Assert.Equal("9434765919", NhsNumber.Normalise(written));

    [Theory]
    [InlineData("943476591")]
    [InlineData("94347659190")]
    [InlineData("943476591A")]
    [InlineData("９４３４７６５９１９")]
    [InlineData("")]
    public void Anything_but_ten_digits_is_invalid(string written) =>
        Assert.False(NhsNumber.IsValid(written));
}
