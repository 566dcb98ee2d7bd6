using Mash.ServiceDefaults.Tests.Infrastructure;
using MassTransit;
using MassTransit.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mash.ServiceDefaults.Tests;

/// <summary>RabbitMQ stopped under a running consumer and started again: the consumer connects again on the service's own retry policy and consumes.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BusReconnectTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_transport_retries_on_the_services_policy_and_a_consumer_that_lost_RabbitMQ_consumes_again_once_it_is_back()
    {
        var sink = new EventSink();
        await using var consumer = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
            ["ServiceDefaults:Bus:EndpointPrefix"] = $"sdtests-reconnect-{Guid.NewGuid():N}"[..28],
        }, b =>
        {
            b.Services.AddSingleton(sink);
            b.AddMashBus(bus => bus.AddConsumer<RecordingConsumer>());
        });
        await consumer.WaitUntilHealthyAsync();
        var bus = consumer.Services.GetRequiredService<IBusControl>();
        var installed = consumer.Services.GetServices<IHostedService>().OfType<ReceiveTransportRetry>().Single().Installed;
        var inUse = consumer.Services.GetRequiredService<IBusInstance>().HostConfiguration.ReceiveTransportRetryPolicy;

        await infrastructure.RabbitMq.StopAsync();
        try
        {
            await ServiceHost.WaitUntilAsync(() => bus.CheckHealth().Status != BusHealthStatus.Healthy);
        }
        finally
        {
            await infrastructure.RabbitMq.StartAgainAsync();
        }
        await ServiceHost.WaitUntilAsync(() => bus.CheckHealth().Status == BusHealthStatus.Healthy);
        var sent = BusTests.SampleEvent();
        await bus.Publish(sent);
        var received = await sink.Received.Task.WaitAsync(ServiceHost.HangGuard);

        Assert.NotNull(installed);
        Assert.Same(installed, inUse);
        Assert.Equal(sent, received);
    }
}
