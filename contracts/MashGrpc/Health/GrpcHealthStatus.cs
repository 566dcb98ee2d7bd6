using System.Collections.Concurrent;
using MashGrpc.Health.V1;
using ServingStatus = MashGrpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace MashGrpc.Health;

/// <summary>
/// The serving status of each service name ("" is the whole server), as the health service reports
/// it; watchers hear every change.
/// </summary>
public sealed class GrpcHealthStatus
{
    private readonly ConcurrentDictionary<string, ServingStatus> statuses = new();
    private event Action<string, ServingStatus>? Changed;

    public ServingStatus? Get(string service) => statuses.TryGetValue(service, out var status) ? status : null;

    public void Set(string service, ServingStatus status)
    {
        if (statuses.TryGetValue(service, out var previous) && previous == status)
        {
            return;
        }
        statuses[service] = status;
        Changed?.Invoke(service, status);
    }

    /// <summary>Calls <paramref name="onChange"/> on every change until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<string, ServingStatus> onChange)
    {
        Changed += onChange;
        return new Subscription(() => Changed -= onChange);
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
