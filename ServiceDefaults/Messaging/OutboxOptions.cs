namespace Mash.ServiceDefaults;

/// <summary>Settings under <c>ServiceDefaults:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "ServiceDefaults:Outbox";
    public const string Requirement = "ServiceDefaults:Outbox:MaxYield must be from 00:00:00 to 00:05:00, IdlePollInterval from 00:00:00.050 to 00:05:00, and MaxQueuedBatches at least 1.";

    /// <summary>
    /// How long the dispatcher may hold events back while writes that add them are under way
    /// (<see cref="EventOutbox.BeginWrite"/>, a burst of group commits), so acknowledgements go
    /// first; zero never holds them. Targets run from each event's own time, not from its publishing.
    /// </summary>
    public TimeSpan MaxYield { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often an idle dispatcher looks for events nobody woke it for: those of a replica that
    /// died before publishing them. Events this process writes wake it at once.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The queues the service's events feed (their consumers' queues, e.g. <c>triage-contact-received</c>):
    /// the dispatcher publishes no faster than their consumers take, holding events in the outbox
    /// (durable) while any of them, being consumed, has more than <see cref="MaxQueuedBatches"/>
    /// messages ready. The backlog then stays where its writer can see it and hold back
    /// (<see cref="OutboxWaiting"/>). A queue nobody consumes (its service down) is not waited for.
    /// Empty (the default): publish as fast as the broker confirms.
    /// </summary>
    public List<string> PaceQueues { get; set; } = [];

    /// <summary>Messages (batches of events) a consumed queue of <see cref="PaceQueues"/> may hold ready before the dispatcher waits.</summary>
    public int MaxQueuedBatches { get; set; } = 8;

    public bool IsUsable =>
        MaxQueuedBatches >= 1
        && MaxYield >= TimeSpan.Zero && MaxYield <= TimeSpan.FromMinutes(5)
        && IdlePollInterval >= TimeSpan.FromMilliseconds(50) && IdlePollInterval <= TimeSpan.FromMinutes(5);
}
