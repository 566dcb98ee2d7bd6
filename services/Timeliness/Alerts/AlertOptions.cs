namespace Mash.Timeliness.Alerts;

/// <summary>Settings under <c>Timeliness:Alerts</c>: when a clock is "approaching", how the scheduler and the watch streams run, and the MASH's teams (shipped defaults in appsettings.json).</summary>
internal sealed class AlertOptions
{
    public const string SectionName = "Timeliness:Alerts";

    /// <summary>The share of the target used (above 0, below 1) at which DeadlineApproaching is raised: 0.75 is the last quarter.</summary>
    public double ApproachingAt { get; set; } = 0.75;

    /// <summary>
    /// The longest the scheduler sleeps before looking again, whatever it knows: a deadline another
    /// replica wrote (its own scheduler is woken) or a wake this one missed is found within this.
    /// </summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Alerts raised in one transaction, at most: a backlog (after a restart) goes in batches of this.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often an open WatchAlerts stream looks for alerts other replicas raised (this replica's wake it at once).</summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The MASH team each referring agency's contacts go to (agency id to team name); others go to <see cref="DefaultTeam"/>.</summary>
    public Dictionary<string, string> Teams { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The team of a contact whose agency <see cref="Teams"/> does not name (or that came with none).</summary>
    public string DefaultTeam { get; set; } = "MASH";

    /// <summary>Every team an alert may go to: those <see cref="Teams"/> names, and <see cref="DefaultTeam"/>.</summary>
    public IReadOnlySet<string> TeamNames => new HashSet<string>([.. Teams.Values, DefaultTeam], StringComparer.Ordinal);

    /// <summary>The team alerts about a contact from <paramref name="agencyId"/> go to.</summary>
    public string TeamOf(string? agencyId) => agencyId is not null && Teams.TryGetValue(agencyId, out var team) ? team : DefaultTeam;
}
