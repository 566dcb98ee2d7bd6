using Microsoft.Extensions.Options;

namespace Mash.Quality.Definitions;

public static class IndicatorCatalogueExtensions
{
    /// <summary>
    /// The partnership's indicator file (<c>Quality:IndicatorFile</c>, the shipped one by default),
    /// checked at start: a wrong word or threshold stops the service, naming the indicator and field.
    /// </summary>
    public static TBuilder AddIndicatorCatalogue<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<QualityOptions>()
            .Bind(builder.Configuration.GetSection(QualityOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<QualityOptions>, QualityOptionsValidator>();
        builder.Services.AddSingleton(services => IndicatorCatalogue.Load(services.GetRequiredService<IOptions<QualityOptions>>().Value.IndicatorFile));
        return builder;
    }
}
