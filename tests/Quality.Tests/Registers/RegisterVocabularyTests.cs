using Mash.Quality.Registers;

namespace Mash.Quality.Tests.Registers;

public sealed class RegisterVocabularyTests
{
    [Fact]
    public void Without_configuration_the_registers_use_the_seeds_words() =>
        Assert.Equal(RegisterVocabulary.Shipped, RegisterVocabulary.From(new RegisterOptions()));

    [Fact]
    public void A_configured_list_replaces_only_its_shipped_one()
    {
        var vocabulary = RegisterVocabulary.From(new RegisterOptions { AuditGrades = ["met", "not-met"] });

        Assert.Equal(["met", "not-met"], vocabulary.AuditGrades);
        Assert.Equal(["red", "amber", "green"], vocabulary.ProgressRags);
    }

    [Fact]
    public void A_satisfied_code_off_the_scale_is_a_problem() =>
        Assert.Equal("satisfied code 'happy' is not on the satisfaction scale",
            RegisterVocabulary.SatisfiedIsOnTheScale(RegisterVocabulary.Shipped with { Satisfied = ["satisfied", "happy"] }));

    [Fact]
    public void An_empty_list_is_a_problem() =>
        Assert.NotNull(RegisterVocabulary.EveryListHasCodes(RegisterVocabulary.Shipped with { LearningSources = [] }));

    [Fact]
    public void A_blank_code_is_a_problem() =>
        Assert.NotNull(RegisterVocabulary.EveryListHasCodes(RegisterVocabulary.Shipped with { ProgressRags = ["red", " "] }));

    [Fact]
    public void A_configuration_that_contradicts_itself_stops_the_service() =>
        Assert.Throws<InvalidDataException>(() => RegisterVocabulary.From(new RegisterOptions { SatisfactionScale = ["yes", "no"] }));
}
