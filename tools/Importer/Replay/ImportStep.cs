namespace Mash.Importer.Replay;

/// <summary>
/// One thing the legacy system recorded, to be replayed at its time: the row it came from, when it
/// happened, the legacy contact it belongs to. Steps replay by <see cref="At"/>, then <see cref="Rank"/>
/// (at one instant a contact is received before it is rated, rated before it is decided, …), then
/// where they were read; <see cref="Key"/> names the step in the checkpoint, from the legacy ids alone.
/// </summary>
internal abstract record ImportStep(string File, int Line, DateTimeOffset At, string ContactId)
{
    public abstract int Rank { get; }

    public abstract string Key { get; }
}
