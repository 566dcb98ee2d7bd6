using Mash.Timeliness.Timing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.Timeliness.Reporting;

internal static class ReportingExtensions
{
    /// <summary>The backlog (T3, with its snapshots), response times (T2) and incident to completion (T5), their settings checked at start.</summary>
    public static TBuilder AddTimelinessReports<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<BacklogOptions>().Bind(builder.Configuration.GetSection(BacklogOptions.SectionName)).ValidateOnStart();
        builder.Services.AddOptions<ResponseTimeOptions>().Bind(builder.Configuration.GetSection(ResponseTimeOptions.SectionName)).ValidateOnStart();
        builder.Services.AddOptions<IncidentToCompletionOptions>().Bind(builder.Configuration.GetSection(IncidentToCompletionOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<ReportOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<BacklogOptions>>(services => services.GetRequiredService<ReportOptionsValidator>());
        builder.Services.AddSingleton<IValidateOptions<ResponseTimeOptions>>(services => services.GetRequiredService<ReportOptionsValidator>());
        builder.Services.AddSingleton<IValidateOptions<IncidentToCompletionOptions>>(services => services.GetRequiredService<ReportOptionsValidator>());

        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<BacklogOptions>>().Value);
        builder.Services.AddSingleton(services => new BacklogSlots(services.GetRequiredService<BacklogOptions>().SnapshotEvery));
        builder.Services.AddSingleton<BacklogReport>();
        builder.Services.AddSingleton<BacklogSnapshots>();
        builder.Services.AddHostedService<BacklogSnapshotService>();
        builder.Services.AddSingleton(services => new ResponseTimesReport(
            services.GetRequiredService<NpgsqlDataSource>(), TimeZone(services), services.GetRequiredService<IOptions<ResponseTimeOptions>>().Value.Bands));
        builder.Services.AddSingleton(services => new IncidentToCompletionReport(
            services.GetRequiredService<NpgsqlDataSource>(), TimeZone(services), services.GetRequiredService<IOptions<IncidentToCompletionOptions>>().Value.Target));
        builder.Services.AddSingleton<TimelinessReports>();
        return builder;
    }

    private static string TimeZone(IServiceProvider services) => services.GetRequiredService<IOptions<TimelinessOptions>>().Value.TimeZone;
}
