namespace Mash.ServiceDefaults;

/// <summary>Where the schema migrations are; a singleton when the service registers migrations.</summary>
public sealed class DatabaseMigrationStatus
{
    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile State current = new(MigrationPhase.Pending, "migrating");

    public MigrationPhase Phase => current.Phase;

    /// <summary>For people: "migrating", "database unreachable", "migration 3 (add_x) failed", "up to date".</summary>
    public string Description => current.Description;

    /// <summary>Completes when every migration is applied; never, if one fails.</summary>
    public Task Completion => completed.Task;

    /// <summary>Waits until every migration is applied (for work that needs the schema, like bus consumers).</summary>
    public Task WaitUntilCompletedAsync(CancellationToken cancellationToken = default) => completed.Task.WaitAsync(cancellationToken);

    internal void Set(MigrationPhase phase, string description)
    {
        current = new State(phase, description);
        if (phase == MigrationPhase.Completed)
        {
            completed.TrySetResult();
        }
    }

    private sealed record State(MigrationPhase Phase, string Description);
}

public enum MigrationPhase
{
    /// <summary>Not yet tried.</summary>
    Pending,

    /// <summary>The database could not be reached (yet); retrying.</summary>
    Unreachable,

    /// <summary>Connected: waiting for the migration lock or applying scripts.</summary>
    Migrating,

    /// <summary>Every migration is applied.</summary>
    Completed,

    /// <summary>A script failed; the service stays unready until a fixed release replaces it.</summary>
    Failed,
}
