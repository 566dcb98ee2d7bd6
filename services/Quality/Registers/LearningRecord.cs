namespace Mash.Quality.Registers;

/// <summary>Q6: a lesson from a review (its source type and published reference), with its actions.</summary>
internal sealed record LearningRecord(
    Guid Id, string SourceType, string Source, DateOnly IdentifiedOn, string Lesson, IReadOnlyList<LearningActionRecord> Actions, string RecordedBy);
