using System.IO.Compression;
using Mash.Hosting.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mash.Hosting.Telemetry;

/// <summary>
/// OTLP/HTTP (<c>POST /v1/traces|metrics|logs</c>): accepted with 200 and counted per service.
/// Storing and showing spans, metrics and logs is what the dashboard grows into later.
/// </summary>
internal static class OtlpReceiver
{
    public const string UnknownService = "(unknown)";

    public static Task<(WebApplication App, int Port)> StartAsync(int preferredPort, TelemetryCounters counters, CancellationToken cancellationToken) =>
        LoopbackHost.StartAsync(preferredPort, app =>
        {
            foreach (var signal in (string[])["traces", "metrics", "logs"])
            {
                app.MapPost($"/v1/{signal}", (HttpContext http) => ReceiveAsync(http, signal, counters));
            }
        }, cancellationToken);

    private static async Task ReceiveAsync(HttpContext http, string signal, TelemetryCounters counters)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var bytes = body.Length;
        var service = http.Request.ContentType?.StartsWith("application/x-protobuf", StringComparison.OrdinalIgnoreCase) == true
            ? OtlpResourceReader.FindServiceName(Decompress(body.ToArray(), http.Request.Headers.ContentEncoding.ToString()))
            : null;
        counters.Record(service ?? UnknownService, signal, bytes);
        // An empty Export*ServiceResponse: everything accepted.
        http.Response.ContentType = "application/x-protobuf";
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static byte[] Decompress(byte[] data, string encoding)
    {
        if (!encoding.Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            return data;
        }

        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }
}
