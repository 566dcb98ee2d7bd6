using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mash.ServiceDefaults;

public static class AuditExtensions
{
    /// <summary>
    /// The service's <see cref="AuditLog"/> (over its <c>NpgsqlDataSource</c>) and its <see cref="Refusals"/>,
    /// which record every call refused for its role or for what it asks. List <see cref="AuditLog.Migration"/>
    /// with the service's migrations.
    /// </summary>
    public static TBuilder AddAuditLog<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddAuditLog();
        return builder;
    }

    /// <inheritdoc cref="AddAuditLog{TBuilder}(TBuilder)"/>
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Refusals>();
        return services;
    }
}
