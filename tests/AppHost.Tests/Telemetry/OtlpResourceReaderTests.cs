using System.Text;
using FakeService;
using Mash.Hosting.Telemetry;

namespace AppHost.Tests.Telemetry;

public sealed class OtlpResourceReaderTests
{
    [Fact]
    public void Finds_service_name()
    {
        Assert.Equal("intake", OtlpResourceReader.FindServiceName(OtlpRequest.WithServiceName("intake")));
    }

    [Fact]
    public void Skips_other_attributes_and_fields_of_every_wire_type()
    {
        byte[] otherAttribute = [.. OtlpRequest.Field(1, Encoding.UTF8.GetBytes("host.name")), .. OtlpRequest.Field(2, OtlpRequest.Field(1, "box"u8.ToArray()))];
        byte[] serviceAttribute = [.. OtlpRequest.Field(1, Encoding.UTF8.GetBytes("service.name")), .. OtlpRequest.Field(2, OtlpRequest.Field(1, "triage"u8.ToArray()))];
        // Resource: dropped_attributes_count (2, varint), then the attributes; the ResourceSpans also
        // carries a fixed64 and a fixed32 field of a kind OTLP does not use, to exercise skipping.
        byte[] resource = [0x10, 0x96, 0x01, .. OtlpRequest.Field(1, otherAttribute), .. OtlpRequest.Field(1, serviceAttribute)];
        byte[] resourceSpans = [0x19, 1, 2, 3, 4, 5, 6, 7, 8, 0x25, 1, 2, 3, 4, .. OtlpRequest.Field(1, resource), .. OtlpRequest.Field(3, "https://schema"u8.ToArray())];

        Assert.Equal("triage", OtlpResourceReader.FindServiceName(OtlpRequest.Field(1, resourceSpans)));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x0A, 0x7F, 0x01 })]       // length beyond the end
    [InlineData(new byte[] { 0x0A })]                    // truncated
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF })]  // unterminated varint
    [InlineData(new byte[] { 0x0B, 0x0C })]              // a group
    public void Malformed_or_nameless_input_gives_null(byte[] body)
    {
        Assert.Null(OtlpResourceReader.FindServiceName(body));
    }
}
