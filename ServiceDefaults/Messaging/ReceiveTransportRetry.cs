using System.Reflection;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mash.ServiceDefaults;

/// <summary>
/// How soon a receive endpoint (and a publisher) that lost RabbitMQ tries to connect again.
/// MassTransit 8's RabbitMQ transport waits 6 s growing to 30 s between attempts, never less again
/// in the process's life (an endpoint keeps its retry count across reconnections), and no setting
/// changes it: after a 15 s outage consumers came back up to 17 s after the broker, after a later
/// one 30 s. This keeps MassTransit's judgement of which failures are worth trying again and waits
/// 1 s growing to <paramref name="maxInterval"/>. The policy is a get-only property of the host
/// configuration, so it is set through its backing field before the bus starts;
/// <c>BusReconnectTests</c> fails if a MassTransit upgrade moves it.
/// </summary>
internal sealed class ReceiveTransportRetry(IServiceProvider services, TimeSpan maxInterval) : IHostedService
{
    private const string PolicyField = "<ReceiveTransportRetryPolicy>k__BackingField";
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The policy set, once the service has started.</summary>
    public IRetryPolicy? Installed { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var host = services.GetRequiredService<IBusInstance>().HostConfiguration;
        var field = host.GetType().GetField(PolicyField, BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{host.GetType().Name} has no {PolicyField}: MassTransit changed how its transport retries; see ReceiveTransportRetry.");
        var original = host.ReceiveTransportRetryPolicy;
        Installed = Retry.CreatePolicy(retry =>
        {
            retry.Handle<Exception>(original.IsHandled);
            retry.Exponential(int.MaxValue, MinInterval, maxInterval < MinInterval ? MinInterval : maxInterval, MinInterval);
        });
        field.SetValue(host, Installed);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
