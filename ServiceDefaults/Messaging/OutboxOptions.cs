namespace Mash.ServiceDefaults;

/// <summary>Settings under <c>ServiceDefaults:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "ServiceDefaults:Outbox";
    public const string Requirement = "ServiceDefaults:Outbox:MaxYield must be from 00:00:00 to 00:05:00, Linger from 00:00:00 to 00:00:05, IdlePollInterval from 00:00:00.050 to 00:05:00, PublishTimeout from 00:00:01 to 00:10:00, and MaxQueuedBatches at least 1.";

    /// <summary>
    /// How long the dispatcher may hold events back while writes that add them are under way
    /// (<see cref="EventOutbox.BeginWrite"/>, a burst of group commits), so acknowledgements go
    /// first; zero (the default) never holds them. Targets run from each event's own time, not from its
    /// publishing. Publishing a batch of events as one message costs little beside storing them, and
    /// events held back are a backlog no writer sees (it is no reason to hold back), so only a service
    /// that takes bursts larger than its consumers can follow should set it.
    /// </summary>
    public TimeSpan MaxYield { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How often an idle dispatcher looks for events nobody woke it for: those of a replica that
    /// died before publishing them. Events this process writes wake it at once.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the dispatcher, woken by a write after it had caught up, waits before taking the next
    /// batch, so the events of that moment leave together: under a steady load a batch holds about this
    /// long's worth of events, and every consumer pays its per-message cost once for them all rather
    /// than for each few. The most it adds to an event's way downstream.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(100);

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

    /// <summary>
    /// How long a batch may wait for RabbitMQ to confirm it before the dispatcher gives up on that
    /// attempt: its events stay in the outbox and are published again (consumers are idempotent).
    /// RabbitMQ.Client 7.2 can leave a publish waiting for ever for a confirm lost as the broker
    /// restarted (rabbitmq-dotnet-client#1930), which would otherwise stop the outbox for good.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsUsable =>
        MaxQueuedBatches >= 1
        && MaxYield >= TimeSpan.Zero && MaxYield <= TimeSpan.FromMinutes(5)
        && Linger >= TimeSpan.Zero && Linger <= TimeSpan.FromSeconds(5)
        && IdlePollInterval >= TimeSpan.FromMilliseconds(50) && IdlePollInterval <= TimeSpan.FromMinutes(5)
        && PublishTimeout >= TimeSpan.FromSeconds(1) && PublishTimeout <= TimeSpan.FromMinutes(10);
}
