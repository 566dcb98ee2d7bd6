using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Timeliness.Alerts;
using Mash.Timeliness.Tests.Infrastructure;

namespace Mash.Timeliness.Tests.Alerts;

/// <summary>
/// Several replicas' schedulers on one database raise each alert exactly once: they claim due
/// deadlines with SKIP LOCKED, so none waits for or repeats another's, and the alert log's
/// sequences come out increasing in the order they commit.
/// </summary>
[Collection(TimelinessDatabaseCollection.Name)]
public sealed class AlertExactlyOnceTests(TimelinessDatabase server)
{
    private const int Clocks = 600;

    [Fact]
    public async Task Two_schedulers_competing_raise_each_alert_once()
    {
        // Small batches, so the two take turns many times over the same rows.
        var timeliness = await AlertsUnderTest.StartAsync(server, options: new AlertOptions { BatchSize = 7 });
        var contacts = new List<string>();
        for (var i = 0; i < Clocks; i++)
        {
            contacts.Add(await timeliness.OpenClockAsync(i % 2 == 0 ? Rag.Red : Rag.Amber, AlertsUnderTest.Start));
        }
        timeliness.Time.SetUtcNow(AlertsUnderTest.Start.AddDays(2));
        var replicas = new[] { timeliness.Parts.Scheduler(new AlertSignals()), timeliness.Parts.Scheduler(new AlertSignals()) };

        using var start = new SemaphoreSlim(0);
        var racing = replicas.Select(replica => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await replica.RaiseDueAsync(CancellationToken.None);
        })).ToList();
        start.Release(2);
        var raised = await Task.WhenAll(racing);

        var log = await timeliness.Parts.Log.ReadAsync(0, AlertFilter.Everything, int.MaxValue, CancellationToken.None);
        Assert.Equal(Clocks, raised.Sum());
        Assert.Equal(contacts.Order(StringComparer.Ordinal), log.Alerts.Select(a => a.ContactId).Order(StringComparer.Ordinal));
        Assert.Equal(log.Alerts.Select(a => a.Sequence).Order(), log.Alerts.Select(a => a.Sequence));
        Assert.Equal(Clocks, (await timeliness.EventsAsync<DeadlineBreached>()).Select(e => e.ContactId).Distinct().Count());
        Assert.Equal(Clocks, (await timeliness.EventsAsync<DeadlineBreached>()).Count);
        Assert.Empty(await timeliness.EventsAsync<DeadlineApproaching>());
    }
}
