using Microsoft.Extensions.Configuration;

namespace Mash.ServiceDefaults;

/// <summary>
/// Peer addresses the AppHost injects as Aspire does: <c>services__triage__grpc__0=http://127.0.0.1:5123</c>
/// becomes <c>services:triage:grpc:0</c> in configuration. Connection strings need no helper:
/// <c>configuration.GetConnectionString("postgres")</c> reads <c>ConnectionStrings__postgres</c>.
/// </summary>
public static class ServiceEndpointConfigurationExtensions
{
    /// <summary>The first address of <paramref name="serviceName"/>'s <paramref name="endpointName"/> endpoint, or null when none is configured.</summary>
    public static Uri? GetServiceUri(this IConfiguration configuration, string serviceName, string endpointName = "grpc")
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(endpointName);
        var value = configuration[$"services:{serviceName}:{endpointName}:0"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"services:{serviceName}:{endpointName}:0 is '{value}', not an absolute URI.");
    }

    /// <summary>As <see cref="GetServiceUri"/>, but a missing address is a startup error that says which setting to provide.</summary>
    public static Uri GetRequiredServiceUri(this IConfiguration configuration, string serviceName, string endpointName = "grpc") =>
        configuration.GetServiceUri(serviceName, endpointName)
        ?? throw new InvalidOperationException(
            $"No address for service '{serviceName}': set services__{serviceName}__{endpointName}__0 (the AppHost does this for a reference to it).");

    /// <summary>Connection string <paramref name="name"/>, or a startup error naming the environment variable to set.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Connection string '{name}' is missing: set ConnectionStrings__{name} (the AppHost does this for a reference to the resource).");
}
