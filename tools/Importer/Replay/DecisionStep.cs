namespace Mash.Importer.Replay;

/// <summary>The threshold decision: a referral or not (decisions.csv).</summary>
internal sealed record DecisionStep(string File, int Line, DateTimeOffset At, string ContactId, bool ThresholdMet, string Rationale) : ImportStep(File, Line, At, ContactId)
{
    public override int Rank => 4;

    public override string Key => $"decision:{ContactId}";
}
