namespace Mash.ServiceDefaults;

/// <summary>Settings under <c>ServiceDefaults:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "ServiceDefaults:Outbox";
    public const string Requirement = "ServiceDefaults:Outbox:MaxYield must be from 00:00:00 to 00:05:00, and IdlePollInterval from 00:00:00.050 to 00:05:00.";

    /// <summary>
    /// How long the dispatcher may hold events back while writes that add them are under way
    /// (<see cref="EventOutbox.BeginWrite"/>, a burst of group commits), so acknowledgements go
    /// first; zero never holds them. Targets run from each event's own time, not from its publishing.
    /// </summary>
    public TimeSpan MaxYield { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often an idle dispatcher looks for events nobody woke it for: those of a replica that
    /// died before publishing them. Events this process writes wake it at once.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsUsable =>
        MaxYield >= TimeSpan.Zero && MaxYield <= TimeSpan.FromMinutes(5)
        && IdlePollInterval >= TimeSpan.FromMilliseconds(50) && IdlePollInterval <= TimeSpan.FromMinutes(5);
}
