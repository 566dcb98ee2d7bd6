namespace Mash.Triage.Queue;

/// <summary>What recording a threshold decision does to a contact.</summary>
internal enum DecisionStep
{
    UnknownContact,
    /// <summary>A decision needs a current RAG rating: it is timed against that RAG's target.</summary>
    NotRated,
    /// <summary>Decided already, differently or by someone else: a decision is made once.</summary>
    AlreadyDecided,
    /// <summary>Another practitioner has claimed the contact: they are screening it.</summary>
    ClaimedByAnother,
    /// <summary>The same practitioner recording the same decision again (a retried call): the recorded one stands.</summary>
    SameDecision,
    Record,
}
