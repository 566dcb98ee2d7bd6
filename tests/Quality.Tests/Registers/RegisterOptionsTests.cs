using Mash.Quality.Registers;
using Microsoft.Extensions.Configuration;

namespace Mash.Quality.Tests.Registers;

public sealed class RegisterOptionsTests
{
    [Fact]
    public void A_partnerships_grades_under_Quality_Registers_replace_the_shipped_ones_and_nothing_else()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Quality:Registers:AuditGrades:0"] = "met",
            ["Quality:Registers:AuditGrades:1"] = "not-met",
        }).Build();
        var options = configuration.GetSection(RegisterOptions.SectionName).Get<RegisterOptions>()!;

        var vocabulary = RegisterVocabulary.From(options);

        Assert.Equal(["met", "not-met"], vocabulary.AuditGrades);
        Assert.Equal(RegisterVocabulary.Shipped.SatisfactionScale, vocabulary.SatisfactionScale);
    }

    [Fact]
    public void A_satisfied_code_off_the_scale_fails_validation_at_start() =>
        Assert.True(new RegisterOptionsValidator().Validate(null, new RegisterOptions { Satisfied = ["happy"] }).Failed);

    [Fact]
    public void The_shipped_vocabulary_passes_validation() =>
        Assert.True(new RegisterOptionsValidator().Validate(null, new RegisterOptions()).Succeeded);
}
