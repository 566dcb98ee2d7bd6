using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Mash.ServiceDefaults;

/// <summary>
/// Readiness and liveness as Aspire's ServiceDefaults names them: <c>/health</c> runs every check
/// (ready to take traffic: database migrated, Redis and the bus reachable, not shutting down);
/// <c>/alive</c> runs only checks tagged <see cref="LiveTag"/> (the process is not wedged; a failing
/// dependency must not get it restarted).
/// </summary>
public static class HealthEndpoints
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    /// <summary>Tag a check with this to have <c>/alive</c> run it.</summary>
    public const string LiveTag = "live";

    /// <summary>Tag for checks of what the service needs to serve (informational: <c>/health</c> runs every check).</summary>
    public const string ReadyTag = "ready";

    internal static void AddDefaultHealthChecks(this IHostApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

    internal static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteReportAsync })
            .RequireManagementPort()
            .AllowAnonymous()
            .WithDisplayName("Readiness");
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag), ResponseWriter = WriteReportAsync })
            .RequireManagementPort()
            .AllowAnonymous()
            .WithDisplayName("Liveness");
    }

    // A body that says which check failed and why ("migrating", "database unreachable"), so an
    // operator reading the AppHost's dashboard need not guess; the status code (200 or 503) is
    // what probes act on. Descriptions are the checks' own words, never exception text: the
    // client libraries' checks (Aspire.Npgsql's, Aspire.StackExchange.Redis's) describe a failure
    // with their exception's message, which names hosts and ports, so that one stays in the logs.
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = OwnWords(e.Value) }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static string? OwnWords(HealthReportEntry entry) =>
        entry.Exception is { } exception && entry.Description == exception.Message ? null : entry.Description;

    private static readonly JsonSerializerOptions JsonOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
}
