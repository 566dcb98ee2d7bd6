namespace Mash.Importer.Replay;

/// <summary>A contact and its child, as the legacy system received it (contacts.csv).</summary>
internal sealed record ContactStep(string File, int Line, DateTimeOffset At, string ContactId, LegacyContact Contact) : ImportStep(File, Line, At, ContactId)
{
    public override int Rank => 0;

    public override string Key => $"contact:{ContactId}";
}
