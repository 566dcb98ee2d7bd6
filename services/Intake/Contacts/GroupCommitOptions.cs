namespace Mash.Intake.Contacts;

/// <summary>
/// How Intake commits contacts (<c>Intake:CommitBatchSize</c>, <c>Intake:ConcurrentCommits</c>): contacts
/// submitted while a commit is under way wait and are committed together in the next, so a busy
/// Intake pays one WAL flush for many contacts. Each is still acknowledged only after its commit.
/// </summary>
public sealed class GroupCommitOptions
{
    public const string SectionName = "Intake";
    public const string Requirement = "Intake:CommitBatchSize must be from 1 to 10000, Intake:ConcurrentCommits from 1 to 64, Intake:MaxWaitingContacts from 1 to 1000000 and Intake:MaxUnpublishedEvents from 1 to 10000000.";

    /// <summary>At most this many contacts in one transaction.</summary>
    public int CommitBatchSize { get; set; } = 1000;

    /// <summary>
    /// At most this many of those transactions at once (each holds a database connection); a second
    /// starts only while half a batch waits, so light load still makes large batches (BENCHMARKS.md).
    /// </summary>
    public int ConcurrentCommits { get; set; } = 2;

    /// <summary>
    /// Intake is saturated when this many contacts already wait for their commit: a further
    /// SubmitContact is answered RESOURCE_EXHAUSTED at once and nothing of it is stored, rather
    /// than queued behind a database that is not keeping up. A bulk import's contacts still wait
    /// (each stream's own in-flight budget bounds them) and count towards it.
    /// </summary>
    public int MaxWaitingContacts { get; set; } = 10_000;

    /// <summary>
    /// Intake holds back while more than this many of its events are written and not yet published
    /// (as the outbox's latest sample counts them, every couple of seconds): a further SubmitContact
    /// is answered RESOURCE_EXHAUSTED, and a bulk import's next contacts wait until fewer remain.
    /// Intake takes contacts faster than the services downstream project them, so this bounds how
    /// far behind real time they fall after an overload: at their pace (a few hundred to a thousand
    /// events a second on two cores, BENCHMARKS.md) 10,000 is some ten to thirty seconds, rather than
    /// a queue that grows for as long as the overload lasts. Unknown (no sample yet) holds nothing back.
    /// </summary>
    public int MaxUnpublishedEvents { get; set; } = 10_000;

    public bool IsUsable => CommitBatchSize is >= 1 and <= 10_000 && ConcurrentCommits is >= 1 and <= 64
        && MaxWaitingContacts is >= 1 and <= 1_000_000 && MaxUnpublishedEvents is >= 1 and <= 10_000_000;
}
