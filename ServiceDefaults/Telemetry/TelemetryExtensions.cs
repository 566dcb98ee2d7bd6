using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mash.ServiceDefaults;

public static class TelemetryExtensions
{
    /// <summary>ActivitySource and Meter names every service listens to.</summary>
    public static readonly IReadOnlyList<string> TraceSources =
    [
        "MashGrpc",              // our gRPC runtime: one span per call, client and server
        "Microsoft.AspNetCore",  // Kestrel's server span per request (enriched by ServerSpanEnricher)
        "System.Net.Http",       // HttpClient's client spans (.NET 9+ emits them natively)
        "MassTransit",           // send, publish, receive, consume
        "Npgsql",                // one span per command
    ];

    /// <inheritdoc cref="TraceSources"/>
    public static readonly IReadOnlyList<string> Meters =
    [
        "MashGrpc",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http",
        "System.Runtime",        // GC, thread pool, CPU: .NET 9+ publishes these itself
        "MassTransit",
        "Npgsql",
    ];

    /// <summary>
    /// Traces, metrics and logs through the OpenTelemetry SDK, exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the AppHost sets it, with
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>, <c>OTEL_SERVICE_NAME</c> and
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c>, which the SDK reads from configuration itself).
    /// A service adds its own sources with
    /// <c>builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddSource("Intake"))</c>;
    /// one named after the application is already listened to.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Logs go through the logging provider of the OpenTelemetry package; UseOtlpExporter below
        // gives it its exporter like the other two signals.
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = new OpenTelemetryServicesBuilder(builder.Services);
        var applicationName = builder.Environment.ApplicationName;
        if (string.IsNullOrEmpty(builder.Configuration["OTEL_SERVICE_NAME"]))
        {
            // Without the AppHost's OTEL_SERVICE_NAME the SDK would say "unknown_service:dotnet".
            otel.ConfigureResource(resource => resource.AddService(applicationName));
        }
        otel.WithTracing(tracing => tracing
                .AddSource([.. TraceSources, applicationName]))
            .WithMetrics(metrics => metrics
                .AddMeter([.. Meters, applicationName]));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // One exporter for all three signals; given the base endpoint and http/protobuf it
            // appends /v1/traces, /v1/metrics and /v1/logs itself (a per-signal endpoint set in
            // code would need the path written out).
            otel.UseOtlpExporter();
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ServerSpanEnricher>());
        // Registered first among our hosted services so the providers exist before the bus and the
        // migration runner start and emit their first spans.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, TelemetryHostedService>());
        return builder;
    }
}
