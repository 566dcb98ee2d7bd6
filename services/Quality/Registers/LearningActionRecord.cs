namespace Mash.Quality.Registers;

/// <summary>One action of a lesson: what, who, by when, how it is implemented and evidenced, and its impact and completion once known.</summary>
internal sealed record LearningActionRecord(
    Guid Id, string Action, string Owner, DateOnly TargetOn, string Implementation, string Evidence = "", string Impact = "", DateOnly? CompletedOn = null);
