using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mash.Hosting.Dashboard;

/// <summary>The ops page (<c>/</c>) and <c>GET /api/resources</c>, both from the same views.</summary>
internal static class DashboardServer
{
    // Relaxed escaping: the JSON is served as JSON, never inlined in HTML, and log lines stay readable.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task<(WebApplication App, int Port)> StartAsync(int preferredPort, Func<IReadOnlyList<ResourceView>> resources, CancellationToken cancellationToken) =>
        LoopbackHost.StartAsync(preferredPort, app =>
        {
            app.MapGet("/", () => Results.Content(OpsPage.Render(resources()), "text/html; charset=utf-8"));
            app.MapGet("/api/resources", () => Results.Text(JsonSerializer.Serialize(resources(), Json), "application/json"));
        }, cancellationToken);
}
