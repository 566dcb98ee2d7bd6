namespace Mash.Triage.Queue;

/// <summary>The ratings and decisions a transaction's changes were allowed, in their order, written together (<see cref="QueueStore.WriteAsync"/>).</summary>
internal sealed class ScreeningWrites
{
    public List<(Rating Rating, DateTimeOffset DueAt, string AgencyId)> Ratings { get; } = [];

    public List<(QueueEntry Entry, ThresholdDecision Decision)> Decisions { get; } = [];

    /// <summary>Each allowed change in order: a rating (index into <see cref="Ratings"/>) or a decision (into <see cref="Decisions"/>), for its event's place in the outbox.</summary>
    public List<(bool IsRating, int Index)> Order { get; } = [];

    public bool IsEmpty => Order.Count == 0;

    public void Add(Rating rating, DateTimeOffset dueAt, string agencyId)
    {
        Order.Add((true, Ratings.Count));
        Ratings.Add((rating, dueAt, agencyId));
    }

    public void Add(QueueEntry entry, ThresholdDecision decision)
    {
        Order.Add((false, Decisions.Count));
        Decisions.Add((entry, decision));
    }
}
