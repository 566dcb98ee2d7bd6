namespace Mash.Quality.Audits;

/// <summary>A step of an audit's lifecycle: what was said (the focus, the challenge, the decision, the findings; the story behind the data), by whom, when.</summary>
internal sealed record AuditStep(int Number, AuditStage Stage, string Text, string Detail, string ById, string ByName, DateTimeOffset At);
