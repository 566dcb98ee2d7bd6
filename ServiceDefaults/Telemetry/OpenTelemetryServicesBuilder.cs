using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace Mash.ServiceDefaults;

/// <summary>
/// What OpenTelemetry.Extensions.Hosting's <c>services.AddOpenTelemetry()</c> returns, which cannot
/// be restored here: the SDK's own <c>WithTracing</c>, <c>WithMetrics</c>, <c>WithLogging</c> and the
/// exporter's <c>UseOtlpExporter</c> hang off this interface and register the providers in DI.
/// <see cref="TelemetryHostedService"/> is the other half of that package.
/// </summary>
internal sealed class OpenTelemetryServicesBuilder(IServiceCollection services) : IOpenTelemetryBuilder
{
    public IServiceCollection Services { get; } = services;
}
