namespace Mash.Intake.Progress;

/// <summary>
/// WatchContact re-reads the watched contact's status row this often (<c>Intake:WatchPollInterval</c>).
/// Polling the database, not listening to the bus, because Intake's replicas are competing consumers:
/// each event reaches only one replica, while a watcher may be on any of them; the row is what every
/// replica shares, so polling it is simple and correct (a change shows within one interval).
/// </summary>
public sealed class WatchOptions
{
    public const string SectionName = "Intake";

    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsUsable => WatchPollInterval > TimeSpan.Zero;

    public const string Requirement = "Intake:WatchPollInterval must be a positive time span (e.g. \"00:00:01\").";
}
