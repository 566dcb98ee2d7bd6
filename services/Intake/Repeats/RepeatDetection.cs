using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mash.Intake.Repeats;

public static class RepeatDetection
{
    /// <summary>Repeat detection's settings (checked at start) and its finder.</summary>
    public static IServiceCollection AddRepeatDetection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RepeatOptions>()
            .Bind(configuration.GetSection(RepeatOptions.SectionName))
            .Validate(options => options.IsUsable, RepeatOptions.Requirement)
            .ValidateOnStart();
        services.TryAddSingleton<RepeatFinder>();
        services.TryAddSingleton<EarlierDecisions>();
        return services;
    }
}
