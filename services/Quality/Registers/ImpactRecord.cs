namespace Mash.Quality.Registers;

/// <summary>Q9: an impact the partnership can show, the quality work it came from, and its evidence.</summary>
internal sealed record ImpactRecord(Guid Id, DateOnly OccurredOn, string Source, string Impact, string Evidence, string RecordedBy);
