using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mash.ServiceDefaults;

public static class AuditExtensions
{
    /// <summary>
    /// The service's <see cref="AuditLog"/> (over its <c>NpgsqlDataSource</c>), which also records
    /// every call refused for its role. List <see cref="AuditLog.Migration"/> with the service's migrations.
    /// </summary>
    public static TBuilder AddAuditLog<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuditLog>();
        return builder;
    }
}
