namespace Mash.Hosting.Orchestration;

/// <summary>The environment a project is launched with: Aspire's variable names, then each WithReference/WithEnvironment.</summary>
internal static class ProjectEnvironment
{
    /// <summary>Inherited from the AppHost's own environment, these would add listeners beside the Kestrel endpoints.</summary>
    public static readonly string[] Removed =
        ["ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS"];

    public static Dictionary<string, string> Build(ProjectResource project, string otlpEndpoint, string instanceId)
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceId}",
            // As Aspire does for local runs: export every second, not every 5-60 s, so what the ops page shows is current.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        };
        foreach (var endpoint in project.GetEndpoints())
        {
            env[$"Kestrel__Endpoints__{endpoint.Name}__Url"] = endpoint.Url;
            if (endpoint.Protocols is { } protocols)
            {
                env[$"Kestrel__Endpoints__{endpoint.Name}__Protocols"] = protocols;
            }
        }

        foreach (var annotation in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            annotation.Callback(env);
        }

        return env;
    }
}
