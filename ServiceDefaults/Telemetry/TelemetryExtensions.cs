using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Mash.ServiceDefaults;

public static class TelemetryExtensions
{
    /// <summary>MassTransit's ActivitySource and Meter: send, publish, receive, consume.</summary>
    private const string MassTransitSource = "MassTransit";

    /// <summary>
    /// Traces, metrics and logs as Aspire's service defaults set them up, plus PostgreSQL (Npgsql,
    /// with its connection pool metrics), MassTransit and the outbox and queue gauges of
    /// <see cref="OperationsMetrics"/>, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the
    /// AppHost sets it, with the service's name). A service adds its own sources with
    /// <c>builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddSource("X"))</c>; a source
    /// and a Meter named after the application (<c>builder.Environment.ApplicationName</c>) are
    /// already listened to, so a service's own counters reach the dashboard with no more setup.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var applicationName = builder.Environment.ApplicationName;
        var otel = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(MassTransitSource, OperationsMetrics.MeterName, applicationName))
            .WithTracing(tracing => tracing
                .AddSource(MassTransitSource, OutboxTelemetry.SourceName, applicationName)
                // The AppHost's probes would bury the traces people look for.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context.Request.Path))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        return builder;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpoints.HealthPath) || path.StartsWithSegments(HealthEndpoints.AlivePath);
}
