namespace Mash.Importer.Replay;

/// <summary>The outcome fed back to an agency (outcomes.csv's fed_back_at).</summary>
internal sealed record FeedbackStep(string File, int Line, DateTimeOffset At, string ContactId, string AgencyId) : ImportStep(File, Line, At, ContactId)
{
    public override int Rank => 6;

    public override string Key => $"feedback:{ContactId}:{AgencyId}";
}
