namespace Mash.ServiceDefaults;

/// <summary>Settings under <c>ServiceDefaults:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "ServiceDefaults:Outbox";
    public const string Requirement = "ServiceDefaults:Outbox:MaxYield must be from 00:00:00 to 00:05:00.";

    /// <summary>
    /// How long the dispatcher may hold events back while writes that add them are under way
    /// (<see cref="EventOutbox.BeginWrite"/>, a burst of group commits), so acknowledgements go
    /// first; zero never holds them. Targets run from each event's own time, not from its publishing.
    /// </summary>
    public TimeSpan MaxYield { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsUsable => MaxYield >= TimeSpan.Zero && MaxYield <= TimeSpan.FromMinutes(5);
}
