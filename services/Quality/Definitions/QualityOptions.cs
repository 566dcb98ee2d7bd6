using Microsoft.Extensions.Options;

namespace Mash.Quality.Definitions;

/// <summary>Settings under <c>Quality</c>: which indicator file the partnership uses.</summary>
internal sealed class QualityOptions
{
    public const string SectionName = "Quality";

    /// <summary>The indicator file, relative to the service's folder or absolute; the shipped one holds every MEASURES.md measure with the seeds' targets.</summary>
    public string IndicatorFile { get; set; } = "Indicators/indicators.json";
}

/// <summary>The indicator file loads and every indicator in it is sound: checked at start, so a wrong word stops the service rather than misjudging the board's indicators.</summary>
internal sealed class QualityOptionsValidator : IValidateOptions<QualityOptions>
{
    public ValidateOptionsResult Validate(string? name, QualityOptions options)
    {
        try
        {
            IndicatorCatalogue.Load(options.IndicatorFile);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Quality:IndicatorFile '{options.IndicatorFile}' cannot be used: {e.Message}");
        }
    }
}
