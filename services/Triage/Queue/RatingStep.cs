namespace Mash.Triage.Queue;

/// <summary>What a (re-)rating does to a contact.</summary>
internal enum RatingStep
{
    UnknownContact,
    /// <summary>A decided contact's RAG is the one it was decided on; it is not changed after.</summary>
    AlreadyDecided,
    /// <summary>The contact already has this RAG: nothing changes (a retried call is harmless, and R2 counts only changes).</summary>
    Unchanged,
    /// <summary>Another practitioner has claimed the contact: they are screening it.</summary>
    ClaimedByAnother,
    Record,
}
