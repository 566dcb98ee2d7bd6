using Mash.Intake.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mash.Intake.Reliability.Tests;

/// <summary>RabbitMQ stopped under load, then started again (same node, port and data).</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class RabbitMqOutageTests(ReliabilityFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Contacts_are_acknowledged_while_RabbitMQ_is_down_and_their_events_arrive_once_after_it_returns()
    {
        await using var scenario = await Scenario.StartAsync(fixture, output);
        var load = scenario.Load;
        var rabbitMq = fixture.RabbitMq;

        load.Release(100);
        await scenario.Within(load.WhenAcknowledged(100), "Warming up");
        load.Release(100);
        try
        {
            // Stopping while the second batch is under way; the third is submitted only once it is down.
            await rabbitMq.StopAsync();
            var acknowledgedAtStop = load.Acknowledgements;
            load.Release(100);
            await scenario.Within(load.WhenAcknowledged(300), "Contacts acknowledged while RabbitMQ is down");
            var deliveredWhileDown = scenario.Downstream.Deliveries.Snapshot().Count;
            scenario.Report($"RabbitMQ down from {acknowledgedAtStop} to {load.Acknowledgements} acknowledged; {deliveredWhileDown} delivered by then");
            Assert.True(load.Acknowledgements - acknowledgedAtStop >= 100, "Fewer than a batch were acknowledged while RabbitMQ was down.");
        }
        finally
        {
            await rabbitMq.StartAgainAsync();
        }
        load.Release(100);
        await scenario.Within(load.CompleteAsync(), "The last batch");

        // The outbox: RabbitMQ being down never fails a submission.
        Assert.Empty(load.Failures);
        await scenario.VerifyAsync();
    }
}
