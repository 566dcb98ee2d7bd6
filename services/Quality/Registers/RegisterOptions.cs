namespace Mash.Quality.Registers;

/// <summary>Settings under <c>Quality:Registers</c>: the registers' vocabularies; any left out keeps the shipped one (<see cref="RegisterVocabulary.Shipped"/>).</summary>
internal sealed class RegisterOptions
{
    public const string SectionName = "Quality:Registers";

    public string[]? AuditGrades { get; set; }

    public string[]? SatisfactionScale { get; set; }

    public string[]? Satisfied { get; set; }

    public string[]? LearningSources { get; set; }

    public string[]? ProgressRags { get; set; }
}
