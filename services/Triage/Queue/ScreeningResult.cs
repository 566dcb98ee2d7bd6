namespace Mash.Triage.Queue;

/// <summary>What became of a rating or a decision: done (the contact as it now stands), or refused and why.</summary>
internal abstract record ScreeningResult
{
    private ScreeningResult()
    {
    }

    public sealed record Done(QueueEntry Entry) : ScreeningResult;

    public sealed record UnknownContact(string ContactId) : ScreeningResult;

    /// <summary>The contact is in the wrong state for this (decided already, or not rated yet).</summary>
    public sealed record WrongState(string Reason) : ScreeningResult;
}
