using System.Net;
using System.Net.Http.Headers;

namespace Mash.AppHost.Tests.Support;

/// <summary>
/// grpc.health.v1.Health/Check for the whole server, over cleartext HTTP/2 exactly as a gRPC client
/// sends it: one length-prefixed empty request, the status in the trailers.
/// </summary>
public static class GrpcHealth
{
    /// <summary>HealthCheckResponse { status: SERVING }: field 1, varint 1.</summary>
    public const string Serving = "SERVING";

    public static async Task<string> CheckAsync(Uri grpcEndpoint)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(grpcEndpoint, "/grpc.health.v1.Health/Check"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact, // h2c only with both
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.Single()
            : response.Headers.TryGetValues("grpc-status", out values) ? values.Single() : "none";
        if (status != "0")
        {
            return $"grpc-status {status}";
        }
        return body is [0, 0, 0, 0, 2, 0x08, 1] ? Serving : $"status bytes {Convert.ToHexString(body)}";
    }
}
