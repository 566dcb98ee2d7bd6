using System.Net;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Mash.Testing;
using Mash.Testing.Servers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Mash.ServiceDefaults.Tests.Operations;

/// <summary>
/// Consumer lag and failed messages, against a real RabbitMQ: the depth of each queue a service
/// consumes from and of its <c>_error</c> queue, as a metric and in health; a broker that goes away
/// makes the service Unhealthy.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class QueueDepthTests(InfrastructureFixture infrastructure)
{
    private Dictionary<string, string?> BusConfiguration(string prefix, string? connectionString = null) => new()
    {
        ["ConnectionStrings:rabbitmq"] = connectionString ?? infrastructure.RabbitMq.ConnectionString,
        ["ServiceDefaults:Bus:EndpointPrefix"] = prefix,
        ["ServiceDefaults:Health:SampleInterval"] = "00:00:00.100",
        ["ServiceDefaults:Health:ProbeTimeout"] = "00:00:01",
        ["ServiceDefaults:Health:MissingQueueRecheck"] = "00:00:00.200",
    };

    [Fact]
    public async Task The_sampler_reads_each_queues_ready_messages_and_counts_a_missing_queue_as_empty()
    {
        var queue = $"sdtests-depth-{Guid.NewGuid():N}"[..28];
        await using var connection = await new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMq.ConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: true);
        for (var i = 0; i < 3; i++)
        {
            await channel.BasicPublishAsync("", queue, "1"u8.ToArray());
        }
        var queues = new BusQueues();
        queues.Add(queue);
        await using var sampler = new QueueDepthSampler(infrastructure.RabbitMq.ConnectionString, "sdtests", queues, new ConsumerFaults(TimeProvider.System), TimeSpan.FromMinutes(1), TimeProvider.System);

        // Its _error queue does not exist: the channel the broker closes for it is replaced.
        var first = await WaitForDepthAsync(sampler, queue, 3);
        var second = await sampler.SampleAsync(CancellationToken.None);

        Assert.Equal([new QueueDepth(queue, 3), new QueueDepth(queue + "_error", 0)], first);
        Assert.Equal(first, second);
        Assert.True(second[1].IsErrorQueue);
        Assert.False(second[0].IsErrorQueue);
    }

    [Fact]
    public async Task A_missing_error_queue_is_asked_about_once_and_again_only_after_a_consumer_gives_up_on_a_message()
    {
        var queue = $"sdtests-quiet-{Guid.NewGuid():N}"[..28];
        await using var connection = await new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMq.ConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: true);
        var queues = new BusQueues();
        queues.Add(queue);
        var clock = new FixedTime(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var faults = new ConsumerFaults(clock);
        await using var sampler = new QueueDepthSampler(infrastructure.RabbitMq.ConnectionString, "sdtests", queues, faults, TimeSpan.FromHours(1), clock);

        // A minute of samples every 2 s while nothing has failed.
        var quiet = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            quiet.Add(ErrorDepth(await sampler.SampleAsync(CancellationToken.None), queue));
            clock.Now += TimeSpan.FromSeconds(2);
        }
        // MassTransit tells of the fault, and may be asked before it has moved the message.
        clock.Now += TimeSpan.FromSeconds(1);
        faults.Record(queue);
        clock.Now += TimeSpan.FromSeconds(1);
        var beforeMove = ErrorDepth(await sampler.SampleAsync(CancellationToken.None), queue);
        clock.Now += TimeSpan.FromSeconds(2);
        var stillMissing = ErrorDepth(await sampler.SampleAsync(CancellationToken.None), queue);
        // The move declares the _error queue; the end of the receive is noted after it.
        await channel.QueueDeclareAsync(queue + "_error", durable: false, exclusive: false, autoDelete: true);
        await channel.BasicPublishAsync("", queue + "_error", "1"u8.ToArray());
        await channel.BasicPublishAsync("", queue + "_error", "2"u8.ToArray());
        // A publish returns before the broker has queued the message.
        await ServiceHost.WaitUntilAsync(async () => await infrastructure.RabbitMq.MessagesInAsync(queue + "_error") == 2);
        faults.Record(queue);
        clock.Now += TimeSpan.FromSeconds(2);
        var afterMove = ErrorDepth(await sampler.SampleAsync(CancellationToken.None), queue);

        Assert.All(quiet, depth => Assert.Equal(0, depth));
        Assert.Equal((0, 0, 2), (beforeMove, stillMissing, afterMove));
        // Asked at the first sample and after the fault, never in between.
        Assert.Equal(2, await infrastructure.RabbitMq.NotFoundLoggedAsync(queue + "_error"));
    }

    [Fact]
    public async Task A_message_a_consumer_gives_up_on_degrades_health_without_waiting_for_the_recheck()
    {
        var prefix = $"sdtests-gaveup-{Guid.NewGuid():N}"[..24];
        var configuration = BusConfiguration(prefix);
        configuration["ServiceDefaults:Health:MissingQueueRecheck"] = "01:00:00";
        configuration["ServiceDefaults:Bus:RetryLimit"] = "1";
        configuration["ServiceDefaults:Bus:RetryInitialInterval"] = "00:00:00.010";
        configuration["ServiceDefaults:Bus:RetryIncrement"] = "00:00:00.010";
        var counter = new FailureCounter();
        await using var host = await ServiceHost.StartAsync(configuration, b =>
        {
            b.Services.AddSingleton(counter);
            b.AddMashBus(bus => bus.AddConsumer<AlwaysFailingConsumer>());
        });
        var queue = new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false).Consumer<AlwaysFailingConsumer>();
        // The bus ready too: published before the consumer's queue is bound, the event would go nowhere.
        var healthy = await host.WaitForHealthAsync(h => h.CheckStatus("masstransit-bus") == "Healthy" && h.Description(QueuesHealthCheck.Name) == "0 messages waiting");

        await host.Services.GetRequiredService<IBus>().Publish(new Events.ContactRated { ContactId = "c-gave-up" });
        var degraded = await host.WaitForHealthAsync(h => h.CheckStatus(QueuesHealthCheck.Name) == "Degraded");

        Assert.Equal("Healthy", healthy.CheckStatus(QueuesHealthCheck.Name));
        Assert.Equal($"1 in {queue}_error", degraded.Description(QueuesHealthCheck.Name));
        Assert.Equal(2, counter.Attempts);
        // Asked about while missing at the service's first sample, and at most once more if a sample
        // came between the fault and the move.
        Assert.InRange(await infrastructure.RabbitMq.NotFoundLoggedAsync(queue + "_error"), 1, 2);
    }

    [Fact]
    public async Task Messages_in_an_error_queue_degrade_health_and_show_as_its_depth()
    {
        var prefix = $"sdtests-errq-{Guid.NewGuid():N}"[..24];
        await using var host = await ServiceHost.StartAsync(BusConfiguration(prefix), b =>
        {
            b.Services.AddSingleton(new EventSink());
            b.AddMashBus(bus => bus.AddConsumer<RecordingConsumer>());
        });
        var queue = new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false).Consumer<RecordingConsumer>();
        var healthy = await host.WaitForHealthAsync(h => h.Description(QueuesHealthCheck.Name) == "0 messages waiting");
        using var gauges = new GaugeReader(host);
        await ServiceHost.WaitUntilAsync(() => gauges.QueueDepth(queue) == 0 && gauges.QueueDepth(queue + "_error") == 0);

        // Two messages that failed every retry, as MassTransit leaves them.
        await using (var connection = await new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMq.ConnectionString) }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync(queue + "_error", durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync("", queue + "_error", "1"u8.ToArray());
            await channel.BasicPublishAsync("", queue + "_error", "2"u8.ToArray());
        }
        var degraded = await host.WaitForHealthAsync(h => h.CheckStatus(QueuesHealthCheck.Name) == "Degraded");
        await ServiceHost.WaitUntilAsync(() => gauges.QueueDepth(queue + "_error") == 2);

        Assert.Equal("Healthy", healthy.CheckStatus(QueuesHealthCheck.Name));
        Assert.Equal(HttpStatusCode.OK, degraded.Status);
        Assert.Equal($"2 in {queue}_error", degraded.Description(QueuesHealthCheck.Name));
        Assert.Equal(ServingStatus.Serving, await host.CheckGrpcHealthAsync());
        Assert.Equal(0, gauges.QueueDepth(queue));
    }

    [Fact]
    public async Task A_broker_that_goes_away_makes_the_service_unhealthy()
    {
        // Disposed by the test itself (a second dispose would throw), which is what takes the server away.
        var gate = new TcpForwarder(infrastructure.RabbitMq.Port);
        gate.Start();
        var prefix = $"sdtests-brkgone-{Guid.NewGuid():N}"[..28];
        await using var host = await ServiceHost.StartAsync(
            BusConfiguration(prefix, $"amqp://guest:guest@127.0.0.1:{gate.Port}"),
            b =>
            {
                b.Services.AddSingleton(new EventSink());
                b.AddMashBus(bus => bus.AddConsumer<RecordingConsumer>());
            });
        var before = await host.WaitUntilHealthyAsync();

        await gate.DisposeAsync();
        var after = await host.WaitForHealthAsync(h => h.CheckStatus(QueuesHealthCheck.Name) == "Unhealthy");

        Assert.Equal("Healthy", before.CheckStatus(QueuesHealthCheck.Name));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.Status);
        Assert.Equal("broker unreachable", after.Description(QueuesHealthCheck.Name));
        Assert.Equal(ServingStatus.NotServing, await host.CheckGrpcHealthAsync());
    }

    private static long ErrorDepth(IReadOnlyList<QueueDepth> depths, string queue) =>
        depths.Single(d => d.Queue == queue + BusQueues.ErrorSuffix).Messages;

    private static async Task<IReadOnlyList<QueueDepth>> WaitForDepthAsync(QueueDepthSampler sampler, string queue, long messages)
    {
        using var cts = new CancellationTokenSource(ServiceHost.HangGuard);
        while (true)
        {
            var depths = await sampler.SampleAsync(cts.Token);
            if (depths.Any(d => d.Queue == queue && d.Messages == messages))
            {
                return depths;
            }
            await Task.Delay(50, cts.Token);
        }
    }
}
