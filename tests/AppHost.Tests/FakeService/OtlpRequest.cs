using System.Text;

// Also compiled into AppHost.Tests (linked), which checks the AppHost's reader against it.
namespace FakeService;

/// <summary>
/// The smallest OTLP export request that names its service: request { resource_* (1) { resource (1)
/// { attributes (1) { key (1) = "service.name", value (2) { string_value (1) } } } } }. The same
/// bytes are a valid ExportTraceServiceRequest, ExportMetricsServiceRequest and ExportLogsServiceRequest.
/// </summary>
public static class OtlpRequest
{
    public static byte[] WithServiceName(string serviceName) =>
        Field(1, Field(1, Field(1, [.. Field(1, Encoding.UTF8.GetBytes("service.name")), .. Field(2, Field(1, Encoding.UTF8.GetBytes(serviceName)))])));

    /// <summary>A length-delimited field (wire type 2); lengths here stay below 128, so one varint byte.</summary>
    public static byte[] Field(int number, byte[] payload) => [(byte)((number << 3) | 2), (byte)payload.Length, .. payload];
}
