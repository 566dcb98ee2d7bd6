using Mash.Timeliness.Timing;
using Microsoft.Extensions.Options;

namespace Mash.Timeliness.Alerts;

public static class AlertExtensions
{
    /// <summary>Breach alerts (T4): the deadlines the consumers keep, the scheduler that raises them, the log WatchAlerts reads; settings under <c>Timeliness:Alerts</c>, checked at start.</summary>
    public static TBuilder AddTimelinessAlerts<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<AlertOptions>()
            .Bind(builder.Configuration.GetSection(AlertOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<AlertOptions>>().Value);
        builder.Services.AddSingleton<AlertSignals>();
        builder.Services.AddSingleton(services => new AlertMoments(services.GetRequiredService<Deadlines>(), services.GetRequiredService<AlertOptions>().ApproachingAt));
        builder.Services.AddSingleton<AlertSchedule>();
        builder.Services.AddSingleton<AlertFiring>();
        builder.Services.AddSingleton<AlertLog>();
        builder.Services.AddSingleton<AlertWatch>();
        builder.Services.AddHostedService<AlertScheduler>();
        return builder;
    }
}
