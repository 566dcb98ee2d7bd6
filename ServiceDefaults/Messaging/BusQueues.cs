using MassTransit;

namespace Mash.ServiceDefaults;

/// <summary>
/// The queues this service consumes from, as MassTransit's receive endpoints report them ready
/// (the convention-named queues of <c>AddMashBus</c>, whatever the service calls its consumers).
/// The bus's own temporary queue is left out: it is deleted with the connection and holds replies.
/// </summary>
internal sealed class BusQueues : IReceiveEndpointObserver
{
    /// <summary>Where MassTransit moves a message whose retries are spent: <c>&lt;queue&gt;_error</c>.</summary>
    public const string ErrorSuffix = "_error";

    private readonly Lock gate = new();
    private readonly SortedSet<string> names = new(StringComparer.Ordinal);

    /// <summary>The input queues seen so far, in name order.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (gate)
            {
                return [.. names];
            }
        }
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        var address = new RabbitMqEndpointAddress(ready.InputAddress, ready.InputAddress);
        if (!address.AutoDelete)
        {
            Add(address.Name);
        }
        return Task.CompletedTask;
    }

    /// <summary>Watches <paramref name="queue"/> (and its <c>_error</c> queue) from now on.</summary>
    public void Add(string queue)
    {
        lock (gate)
        {
            names.Add(queue);
        }
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;
    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
