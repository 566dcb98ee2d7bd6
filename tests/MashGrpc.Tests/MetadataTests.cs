using System.Text;
using MashGrpc.Core;
using MashGrpc.Internal;

namespace MashGrpc.Tests;

public sealed class MetadataTests
{
    [Fact]
    public void Keys_are_lower_cased()
    {
        var metadata = new Metadata { { "X-Request-ID", "abc" } };
        Assert.Equal("x-request-id", metadata[0].Key);
        Assert.Equal("abc", metadata.GetValue("X-REQUEST-ID"));
    }

    [Theory]
    [InlineData("a-z_0.9")]
    [InlineData("x")]
    [InlineData("grpc-custom")]
    public void Valid_keys_are_accepted(string key)
    {
        var entry = new Metadata.Entry(key, "v");
        Assert.Equal(key, entry.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("colon:key")]
    [InlineData(":path")]
    [InlineData("slash/key")]
    [InlineData("umlaut-ä")]
    [InlineData("tab\tkey")]
    public void Invalid_keys_are_rejected(string key)
    {
        Assert.Throws<ArgumentException>(() => new Metadata.Entry(key, "v"));
    }

    [Fact]
    public void Binary_keys_need_bytes()
    {
        var metadata = new Metadata();
        Assert.Throws<ArgumentException>(() => metadata.Add("trace-bin", "text"));
        Assert.Empty(metadata);
    }

    [Fact]
    public void Bytes_need_a_binary_key()
    {
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("trace", [1, 2, 3]));
    }

    [Fact]
    public void Binary_entries_keep_their_bytes()
    {
        var entry = new Metadata.Entry("Trace-Bin", [0, 255, 128]);
        Assert.True(entry.IsBinary);
        Assert.Equal("trace-bin", entry.Key);
        Assert.Equal([0, 255, 128], entry.ValueBytes);
        Assert.Throws<InvalidOperationException>(() => entry.Value);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("nul\0")]
    [InlineData("del\u007F")]
    [InlineData("café")]
    public void Text_values_must_be_printable_ascii(string value)
    {
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("key", value));
    }

    [Fact]
    public void Get_returns_the_last_entry_and_GetAll_every_one_in_order()
    {
        var metadata = new Metadata { { "k", "1" }, { "other", "x" }, { "K", "2" } };
        Assert.Equal("2", metadata.GetValue("k"));
        Assert.Equal(["1", "2"], metadata.GetAll("k").Select(e => e.Value));
        Assert.Null(metadata.Get("missing"));
    }

    [Fact]
    public void Empty_is_read_only()
    {
        Assert.True(Metadata.Empty.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => Metadata.Empty.Add("k", "v"));
        Assert.Empty(Metadata.Empty);
    }

    [Theory]
    [InlineData(new byte[] { 1 }, "AQ")]
    [InlineData(new byte[] { 1, 2 }, "AQI")]
    [InlineData(new byte[] { 1, 2, 3 }, "AQID")]
    [InlineData(new byte[] { }, "")]
    public void Binary_values_are_sent_as_unpadded_base64(byte[] bytes, string expected)
    {
        Assert.Equal(expected, MetadataHeaders.ToHeaderValue(new Metadata.Entry("k-bin", bytes)));
    }

    [Theory]
    [InlineData("AQ")]
    [InlineData("AQ==")]
    [InlineData("AQI")]
    [InlineData("AQI=")]
    [InlineData("AQID")]
    public void Base64_is_decoded_with_or_without_padding(string value)
    {
        var bytes = MetadataHeaders.DecodeBase64(value);
        Assert.Equal(new byte[] { 1, 2, 3 }.Take(bytes.Length), bytes);
        Assert.Equal(value.TrimEnd('=').Length switch { 2 => 1, 3 => 2, _ => 3 }, bytes.Length);
    }

    [Theory]
    [InlineData("A")]      // one character left over can never be base64
    [InlineData("AQI*")]
    public void Malformed_base64_is_rejected(string value)
    {
        Assert.Throws<FormatException>(() => MetadataHeaders.DecodeBase64(value));
    }

    [Fact]
    public void FromHeaders_leaves_out_protocol_headers()
    {
        var metadata = MetadataHeaders.FromHeaders(Headers(
            (":path", "/svc/method"),
            (":authority", "localhost"),
            ("content-type", "application/grpc"),
            ("Content-Length", "5"),
            ("te", "trailers"),
            ("grpc-timeout", "1S"),
            ("grpc-encoding", "gzip"),
            ("grpc-accept-encoding", "identity,gzip"),
            ("grpc-status", "0"),
            ("grpc-message", "fine"),
            ("x-user", "alice")));

        var entry = Assert.Single(metadata);
        Assert.Equal("x-user", entry.Key);
        Assert.Equal("alice", entry.Value);
    }

    [Fact]
    public void FromHeaders_lower_cases_names_and_keeps_every_value()
    {
        var metadata = MetadataHeaders.FromHeaders([new("X-Multi", ["a", "b"])]);
        Assert.Equal(["a", "b"], metadata.GetAll("x-multi").Select(e => e.Value));
    }

    [Fact]
    public void FromHeaders_decodes_binary_values_including_comma_joined_ones()
    {
        var metadata = MetadataHeaders.FromHeaders(Headers(("trace-bin", "AQ, AQI=,AQID"), ("id-bin", Convert.ToBase64String(Encoding.UTF8.GetBytes("😈")))));
        Assert.Equal([[1], [1, 2], [1, 2, 3]], metadata.GetAll("trace-bin").Select(e => e.ValueBytes));
        Assert.Equal("😈", Encoding.UTF8.GetString(metadata.GetValueBytes("id-bin")!));
    }

    [Fact]
    public void Binary_metadata_round_trips_through_header_values()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var header = MetadataHeaders.ToHeaderValue(new Metadata.Entry("all-bytes-bin", bytes));
        var metadata = MetadataHeaders.FromHeaders(Headers(("all-bytes-bin", header)));
        Assert.Equal(bytes, metadata.GetValueBytes("all-bytes-bin"));
    }

    private static IEnumerable<KeyValuePair<string, IEnumerable<string>>> Headers(params (string Name, string Value)[] headers) =>
        headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Name, [h.Value]));
}
