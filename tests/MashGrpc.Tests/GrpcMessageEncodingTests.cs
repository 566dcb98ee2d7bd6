using MashGrpc.Internal;

namespace MashGrpc.Tests;

public sealed class GrpcMessageEncodingTests
{
    /// <summary>The string of the interop test case special_status_message.</summary>
    private const string SpecialStatusMessage = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";

    [Fact]
    public void Encode_leaves_printable_ascii_as_it_is()
    {
        const string message = "Hello, world! ~ `{}` [] <> \"quoted\" 'single'";
        Assert.Same(message, GrpcMessageEncoding.Encode(message));
    }

    [Fact]
    public void Encode_escapes_the_percent_sign()
    {
        Assert.Equal("100%25 done", GrpcMessageEncoding.Encode("100% done"));
    }

    [Fact]
    public void Encode_escapes_control_characters()
    {
        Assert.Equal("a%00b%1Fc%7Fd", GrpcMessageEncoding.Encode("a\0b\u001Fc\u007Fd"));
    }

    [Fact]
    public void Encode_escapes_the_utf8_bytes_of_non_ascii_characters()
    {
        Assert.Equal("caf%C3%A9 %E2%98%BA %F0%9F%98%88", GrpcMessageEncoding.Encode("café ☺ 😈"));
    }

    [Fact]
    public void Encode_of_the_interop_special_status_message_is_the_expected_wire_form()
    {
        Assert.Equal(
            "%09%0Atest with whitespace%0D%0Aand Unicode BMP %E2%98%BA and non-BMP %F0%9F%98%88%09%0A",
            GrpcMessageEncoding.Encode(SpecialStatusMessage));
    }

    [Theory]
    [InlineData(SpecialStatusMessage)]
    [InlineData("100% done")]
    [InlineData("%41 is not an escape in the original")]
    [InlineData("\0\u0001\u007F\u0080\u00FF")]
    [InlineData("日本語のメッセージ")]
    [InlineData("")]
    [InlineData("%")]
    public void Encode_then_Decode_round_trips(string message)
    {
        var encoded = GrpcMessageEncoding.Encode(message);
        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(message, GrpcMessageEncoding.Decode(encoded));
    }

    [Theory]
    [InlineData("%", "%")]
    [InlineData("100%", "100%")]
    [InlineData("%4", "%4")]
    [InlineData("a%4", "a%4")]
    [InlineData("%G1", "%G1")]
    [InlineData("%zz%41", "%zzA")]
    [InlineData("%%41", "%A")]
    [InlineData("%41%", "A%")]
    [InlineData("%e2%98%ba", "☺")] // lower-case hex digits are accepted
    public void Decode_keeps_malformed_escapes_as_they_are(string value, string expected)
    {
        Assert.Equal(expected, GrpcMessageEncoding.Decode(value));
    }

    [Fact]
    public void Decode_turns_invalid_utf8_into_replacement_characters_rather_than_throwing()
    {
        Assert.Equal("a\uFFFDb", GrpcMessageEncoding.Decode("a%FFb"));
    }

    [Fact]
    public void Decode_keeps_unescaped_non_ascii_characters_next_to_escapes()
    {
        // A lenient decoder meets raw characters too; a surrogate pair must survive as one character.
        Assert.Equal("☺ 😈 A", GrpcMessageEncoding.Decode("☺ 😈 %41"));
    }

    [Fact]
    public void Decode_without_escapes_returns_the_value_unchanged()
    {
        const string value = "plain message";
        Assert.Same(value, GrpcMessageEncoding.Decode(value));
    }
}
