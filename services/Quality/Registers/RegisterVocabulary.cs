namespace Mash.Quality.Registers;

/// <summary>The codes the registers accept: audit grades (Q1, Q2), the survey's satisfaction scale and which of it counts as satisfied (Q3), sources of learning (Q6), and progress RAGs (Q8).</summary>
internal sealed record RegisterVocabulary(
    IReadOnlyList<string> AuditGrades,
    IReadOnlyList<string> SatisfactionScale,
    IReadOnlyList<string> Satisfied,
    IReadOnlyList<string> LearningSources,
    IReadOnlyList<string> ProgressRags)
{
    /// <summary>
    /// The seeds' words: Ofsted's four judgements for audits "in line with inspection methodology"
    /// (Staffordshire M10); a five-point scale; Staffordshire M12's and Calderdale App 5's sources;
    /// Calderdale App 2's R/A/G.
    /// </summary>
    public static RegisterVocabulary Shipped { get; } = new(
        ["outstanding", "good", "requires-improvement", "inadequate"],
        ["very-satisfied", "satisfied", "neither", "dissatisfied", "very-dissatisfied"],
        ["very-satisfied", "satisfied"],
        ["serious-case-review", "domestic-homicide-review", "peer-review", "learning-lessons-review", "multi-agency-audit"],
        ["red", "amber", "green"]);

    /// <summary>The configured lists in the shipped ones' place; a configuration that contradicts itself stops the service.</summary>
    public static RegisterVocabulary From(RegisterOptions options)
    {
        var vocabulary = new RegisterVocabulary(
            options.AuditGrades ?? Shipped.AuditGrades,
            options.SatisfactionScale ?? Shipped.SatisfactionScale,
            options.Satisfied ?? Shipped.Satisfied,
            options.LearningSources ?? Shipped.LearningSources,
            options.ProgressRags ?? Shipped.ProgressRags);
        return Problems(vocabulary) is [var first, ..]
            ? throw new InvalidDataException($"{RegisterOptions.SectionName}: {first}")
            : vocabulary;
    }

    public static IReadOnlyList<string> Problems(RegisterVocabulary vocabulary) =>
        [.. new[] { SatisfiedIsOnTheScale(vocabulary), EveryListHasCodes(vocabulary) }.OfType<string>()];

    public static string? SatisfiedIsOnTheScale(RegisterVocabulary vocabulary) =>
        vocabulary.Satisfied.Except(vocabulary.SatisfactionScale).FirstOrDefault() is { } stray
            ? $"satisfied code '{stray}' is not on the satisfaction scale"
            : null;

    public static string? EveryListHasCodes(RegisterVocabulary vocabulary) =>
        new[] { vocabulary.AuditGrades, vocabulary.SatisfactionScale, vocabulary.LearningSources, vocabulary.ProgressRags }.Any(l => l.Count == 0 || l.Any(string.IsNullOrWhiteSpace))
            ? "every list needs at least one code, and no empty code"
            : null;
}
