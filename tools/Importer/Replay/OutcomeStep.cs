namespace Mash.Importer.Replay;

/// <summary>The outcome (outcomes.csv).</summary>
internal sealed record OutcomeStep(string File, int Line, DateTimeOffset At, string ContactId, string Outcome, IReadOnlyList<string> OnwardAgencyIds) : ImportStep(File, Line, At, ContactId)
{
    public override int Rank => 5;

    public override string Key => $"outcome:{ContactId}";
}
