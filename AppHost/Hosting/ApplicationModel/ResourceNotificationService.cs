namespace Mash.Hosting.ApplicationModel;

/// <summary>
/// Holds the latest snapshot of every resource, checks each state change against
/// <see cref="ResourceStateTransitions"/>, and wakes whoever waits for a condition (Aspire's name and role).
/// </summary>
public sealed class ResourceNotificationService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];
    private readonly List<(Func<ResourceSnapshot, bool> Predicate, string Name, TaskCompletionSource<ResourceSnapshot> Done)> _waiters = [];

    /// <summary>Raised after every update, outside the lock, with the previous and the new snapshot.</summary>
    public event Action<ResourceSnapshot, ResourceSnapshot>? Changed;

    internal void Register(ResourceSnapshot initial)
    {
        lock (_gate)
        {
            _snapshots.Add(initial.Name, initial);
            _order.Add(initial.Name);
        }
    }

    public ResourceSnapshot Get(string name)
    {
        lock (_gate)
        {
            return _snapshots.TryGetValue(name, out var s) ? s : throw new KeyNotFoundException($"No resource '{name}'.");
        }
    }

    /// <summary>Every resource in the order it was added to the model.</summary>
    public IReadOnlyList<ResourceSnapshot> GetAll()
    {
        lock (_gate)
        {
            return [.. _order.Select(n => _snapshots[n])];
        }
    }

    public ResourceSnapshot PublishUpdate(string name, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        ResourceSnapshot before, after;
        List<(TaskCompletionSource<ResourceSnapshot>, ResourceSnapshot)> woken = [];
        lock (_gate)
        {
            before = Get(name);
            after = update(before);
            if (ReferenceEquals(before, after))
            {
                return after;
            }
            if (!ResourceStateTransitions.IsAllowed(before.State, after.State))
            {
                throw new InvalidOperationException($"Resource '{name}' cannot go from {before.State} to {after.State}.");
            }

            _snapshots[name] = after;
            foreach (var waiter in _waiters.Where(w => w.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && w.Predicate(after)).ToList())
            {
                _waiters.Remove(waiter);
                woken.Add((waiter.Done, after));
            }
        }

        foreach (var (done, snapshot) in woken)
        {
            done.TrySetResult(snapshot);
        }

        Changed?.Invoke(before, after);
        return after;
    }

    public Task<ResourceSnapshot> WaitForResourceAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource<ResourceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var now = Get(name);
            if (predicate(now))
            {
                return Task.FromResult(now);
            }

            _waiters.Add((predicate, name, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    public Task<ResourceSnapshot> WaitForResourceAsync(string name, string state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(name, s => s.State == state, cancellationToken);

    /// <summary>
    /// What WaitFor means: Running and, if the resource has a health check, Healthy. Throws if the
    /// resource reaches a state it will never leave (FailedToStart, RuntimeUnhealthy, Finished).
    /// </summary>
    public async Task<ResourceSnapshot> WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default)
    {
        var s = await WaitForResourceAsync(name, s => s.IsUp || ResourceStateTransitions.IsTerminal(s.State), cancellationToken);
        return s.IsUp ? s : throw new DistributedApplicationException($"Resource '{name}' is {s.State}{(s.Message is null ? "" : $": {s.Message}")}");
    }
}
