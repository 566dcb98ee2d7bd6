using Mash.Quality.Assurance;
using Mash.Quality.Audits;
using Mash.Quality.Definitions;
using Mash.Quality.Facts;
using Mash.Quality.Grpc;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Mash.Testing.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.Quality.Tests.Infrastructure;

/// <summary>Quality's gRPC services over a test database, as Extensions.AddQuality registers them, behind the platform's authentication and policies.</summary>
internal static class QualityHost
{
    /// <summary>The assurance service's and the audit register's parts, over <paramref name="dataSource"/> and <paramref name="time"/>.</summary>
    public static void AddQualityParts(this IServiceCollection services, NpgsqlDataSource dataSource, IndicatorCatalogue catalogue, TimeProvider time)
    {
        services.AddSingleton(catalogue);
        services.AddSingleton(new FactReader(dataSource));
        services.AddSingleton(new AssuranceReader(new FactReader(dataSource), catalogue));
        services.AddSingleton(time);
        services.AddSingleton(new AuditLog(dataSource, time));
        services.AddSingleton<FactChanges>();
        services.AddSingleton<ChangeWatch>();
        services.AddSingleton(new RatingStore(dataSource, time));
        services.AddSingleton(new RatingReader(dataSource));
        services.AddSingleton(new WatchListReader(dataSource));
        services.AddSingleton(new AuditReader(dataSource));
        services.AddSingleton(sp => new AuditStore(dataSource, sp.GetRequiredService<IOptions<AuditOptions>>(), time));
        services.AddSingleton(sp => new RuleActionRaiser(dataSource, sp.GetRequiredService<IOptions<AuditOptions>>(), time));
    }

    /// <summary>A real gRPC server with QualityService, AssuranceService and AuditService.</summary>
    public static Task<GrpcTestHost> StartAsync(NpgsqlDataSource dataSource, IndicatorCatalogue catalogue, TimeProvider time, Action<WebApplicationBuilder>? more = null) =>
        GrpcTestHost.StartAsync(
            builder =>
            {
                builder.Services.AddQualityParts(dataSource, catalogue, time);
                more?.Invoke(builder);
            },
            app =>
            {
                app.MapGrpcService<QualityGrpcService>();
                app.MapGrpcService<AssuranceGrpcService>();
                app.MapGrpcService<AuditGrpcService>();
            });
}
