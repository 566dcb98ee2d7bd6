namespace Mash.Triage.Queue;

/// <summary>The ratings and decisions a transaction's changes were allowed, written together (<see cref="QueueStore.WriteAsync"/>).</summary>
internal sealed class ScreeningWrites
{
    public List<(Rating Rating, DateTimeOffset DueAt, string AgencyId)> Ratings { get; } = [];

    public List<(QueueEntry Entry, ThresholdDecision Decision)> Decisions { get; } = [];

    /// <summary>Changes allowed: each one event.</summary>
    public int Count => Ratings.Count + Decisions.Count;

    public void Add(Rating rating, DateTimeOffset dueAt, string agencyId) => Ratings.Add((rating, dueAt, agencyId));

    public void Add(QueueEntry entry, ThresholdDecision decision) => Decisions.Add((entry, decision));
}
