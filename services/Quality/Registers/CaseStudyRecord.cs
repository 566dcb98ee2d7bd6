namespace Mash.Quality.Registers;

/// <summary>Q5: an anonymised case study in the evidence library, and the agencies whose work it shows.</summary>
internal sealed record CaseStudyRecord(Guid Id, string Title, string Narrative, IReadOnlyList<string> AgencyIds, DateOnly WrittenOn, string RecordedBy);
