namespace Mash.Intake.Returns;

public static class ReturnsExtensions
{
    /// <summary>The statutory returns: their settings (checked at start), reads and export.</summary>
    public static IServiceCollection AddStatutoryReturns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReturnsOptions>()
            .Bind(configuration.GetSection(ReturnsOptions.SectionName))
            .Validate(options => options.IsUsable, ReturnsOptions.Requirement)
            .ValidateOnStart();
        services.AddSingleton<ReturnRecords>();
        services.AddSingleton<ReturnExport>();
        return services;
    }
}
