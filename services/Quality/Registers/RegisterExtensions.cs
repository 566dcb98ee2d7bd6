using Microsoft.Extensions.Options;

namespace Mash.Quality.Registers;

public static class RegisterExtensions
{
    /// <summary>The quality registers' stores and vocabulary (<c>Quality:Registers</c>, the shipped words where it says nothing), checked at start.</summary>
    public static TBuilder AddQualityRegisters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<RegisterOptions>().Bind(builder.Configuration.GetSection(RegisterOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RegisterOptions>, RegisterOptionsValidator>();
        builder.Services.AddSingleton(services => RegisterVocabulary.From(services.GetRequiredService<IOptions<RegisterOptions>>().Value));
        builder.Services.AddSingleton<AuditRegister>();
        builder.Services.AddSingleton<SurveyRegister>();
        builder.Services.AddSingleton<FeedbackRegister>();
        builder.Services.AddSingleton<CaseStudyLibrary>();
        builder.Services.AddSingleton<LearningLog>();
        builder.Services.AddSingleton<ReportSchedule>();
        builder.Services.AddSingleton<ImpactLog>();
        builder.Services.AddSingleton<RegisterSummaryReader>();
        builder.Services.AddSingleton<QualityRegisters>();
        return builder;
    }
}
